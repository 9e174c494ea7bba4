package vn.motcua.domain.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import vn.motcua.domain.calendar.WorkingCalendar;

/** A reporting period: from one date to another, both included, in Vietnam time. */
public record Period(LocalDate from, LocalDate to) {

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends before it starts");
        }
    }

    public static Period month(int year, int month) {
        LocalDate first = LocalDate.of(year, month, 1);
        return new Period(first, first.plusMonths(1).minusDays(1));
    }

    /** 00:00 of the first day. */
    public Instant start() {
        return from.atStartOfDay(WorkingCalendar.ZONE).toInstant();
    }

    /** 00:00 of the day after the last day (exclusive). */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
    }
}
