package vn.motcua.domain.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The hours the reception counter is open on every working day, as sorted, non-overlapping sessions
 * (standard: 07:00–11:30 and 13:30–17:00). Which days are worked is the {@link WorkingCalendar}'s business; a Saturday
 * made a working day by a swap keeps the same hours. Immutable.
 */
public final class CounterHours {

    /** One session, {@code start} inclusive, {@code end} exclusive. */
    public record Interval(LocalTime start, LocalTime end) {
        public Interval {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!start.isBefore(end)) {
                throw new CalendarDataException(CalendarDataException.Problem.BAD_COUNTER_INTERVAL, start, end);
            }
        }

        public Duration length() {
            return Duration.between(start, end);
        }
    }

    private static final CounterHours STANDARD = of(
            new Interval(LocalTime.of(7, 0), LocalTime.of(11, 30)),
            new Interval(LocalTime.of(13, 30), LocalTime.of(17, 0)));

    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("H:mm");

    private final List<Interval> intervals;

    private CounterHours(List<Interval> intervals) {
        this.intervals = intervals;
    }

    /** Mon–Fri 07:00–11:30, 13:30–17:00 (Decree 118/2025 leaves the hours to each office; this is the common one). */
    public static CounterHours standard() {
        return STANDARD;
    }

    public static CounterHours of(Interval... intervals) {
        return of(List.of(intervals));
    }

    /** Sessions in any order; they must not overlap (touching is allowed and merged). */
    public static CounterHours of(List<Interval> intervals) {
        if (intervals.isEmpty()) {
            throw new CalendarDataException(CalendarDataException.Problem.NO_COUNTER_INTERVAL);
        }
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(Interval::start));
        List<Interval> merged = new ArrayList<>();
        for (Interval next : sorted) {
            Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && next.start().isBefore(last.end())) {
                throw new CalendarDataException(CalendarDataException.Problem.OVERLAPPING_COUNTER_INTERVALS,
                        last.start(), last.end(), next.start(), next.end());
            }
            if (last != null && next.start().equals(last.end())) {
                merged.set(merged.size() - 1, new Interval(last.start(), next.end()));
            } else {
                merged.add(next);
            }
        }
        return new CounterHours(List.copyOf(merged));
    }

    /**
     * Reads counter hours written as in configuration files: {@code 07:00-11:30, 13:30-17:00} (sessions separated by
     * commas, times {@code H:mm}, a hyphen or an en dash between start and end). {@link #toString()} writes this form.
     */
    public static CounterHours parse(String text) {
        List<Interval> sessions = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] ends = part.strip().split("\\s*[-–]\\s*");
            if (ends.length != 2) {
                throw new CalendarDataException(CalendarDataException.Problem.BAD_COUNTER_HOURS_TEXT, part.strip());
            }
            sessions.add(new Interval(time(ends[0], part), time(ends[1], part)));
        }
        return of(sessions);
    }

    private static LocalTime time(String word, String session) {
        try {
            return LocalTime.parse(word, HOUR_MINUTE);
        } catch (DateTimeParseException e) {
            throw new CalendarDataException(CalendarDataException.Problem.BAD_COUNTER_HOURS_TEXT, session.strip());
        }
    }

    public List<Interval> intervals() {
        return intervals;
    }

    public LocalTime opening() {
        return intervals.get(0).start();
    }

    public LocalTime closing() {
        return intervals.get(intervals.size() - 1).end();
    }

    /** Counter time of one working day (8 hours for the standard hours). */
    public Duration perDay() {
        return intervals.stream().map(Interval::length).reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CounterHours other && intervals.equals(other.intervals);
    }

    @Override
    public int hashCode() {
        return intervals.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (Interval i : intervals) {
            s.append(s.length() == 0 ? "" : ", ").append(i.start()).append('-').append(i.end());
        }
        return s.toString();
    }
}
