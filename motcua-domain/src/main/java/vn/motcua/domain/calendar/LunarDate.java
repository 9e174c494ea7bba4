package vn.motcua.domain.calendar;

/** A date of the Vietnamese lunisolar calendar; {@code leapMonth} marks the repeated (nhuận) month. */
public record LunarDate(int year, int month, int day, boolean leapMonth) {
}
