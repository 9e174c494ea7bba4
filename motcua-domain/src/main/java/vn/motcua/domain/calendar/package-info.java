/**
 * Vietnam's working-day calendar for deadlines of administrative procedures.
 *
 * <p>{@link vn.motcua.domain.calendar.WorkingCalendar} is the facade: which days are worked, why a day is off, due
 * instants of {@link vn.motcua.domain.calendar.TimeLimit}s and counter time between two instants (the clock of a
 * dossier and of each step). Days off come from the statutory rules (Labour Code 2019 art. 112, with Tết and the Hùng
 * Kings' day from the {@link vn.motcua.domain.calendar.LunarCalendar} computed in UTC+7) and from editable
 * {@link vn.motcua.domain.calendar.CalendarOverrides} (the government's yearly schedule, swaps, extra days off); the
 * official schedules 2023–2026 are shipped in {@code vietnam-official.txt}. Everything here is immutable and
 * thread-safe, and uses the JDK only.
 */
package vn.motcua.domain.calendar;
