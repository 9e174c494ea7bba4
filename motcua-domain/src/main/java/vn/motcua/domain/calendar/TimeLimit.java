package vn.motcua.domain.calendar;

import java.util.Objects;

/**
 * A procedure's (or a step's) legal time limit: a number of working days or of working hours (counter time).
 * See {@link WorkingCalendar#dueAt} for how it turns into a due instant.
 */
public record TimeLimit(int amount, Unit unit) {

    public enum Unit { WORKING_DAYS, WORKING_HOURS }

    public TimeLimit {
        Objects.requireNonNull(unit, "unit");
        if (amount < 0) {
            throw new CalendarDataException(CalendarDataException.Problem.NEGATIVE_AMOUNT, amount);
        }
    }

    public static TimeLimit workingDays(int n) {
        return new TimeLimit(n, Unit.WORKING_DAYS);
    }

    public static TimeLimit workingHours(int n) {
        return new TimeLimit(n, Unit.WORKING_HOURS);
    }
}
