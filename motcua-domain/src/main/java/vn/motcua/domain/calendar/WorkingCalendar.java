package vn.motcua.domain.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Vietnam's working-day calendar for deadlines (the facade of this package). Immutable and thread-safe.
 *
 * <p><b>Days.</b> Saturdays and Sundays are off unless the overrides make one a worked day (the Saturday of a swap).
 * The statutory days off (Labour Code 2019 art. 112) are 01/01; Tết, five days computed as the last day of the lunar
 * year and mùng 1–4; the Hùng Kings' day, 10/3 lunar; 30/4; 01/5; 02/9 and the day after it. In each solar year:
 * <ul>
 * <li>days off of kind {@code TET} in the overrides replace the computed Tết days of that year, and days off of kind
 * {@code NATIONAL_DAY} replace the computed day after 2/9 (2/9 itself stays off);</li>
 * <li>a statutory day falling on a weekend is compensated by the next working day that is not already off (in date
 * order), except in years the overrides mark {@code official}: there the government's schedule lists its own
 * compensation days;</li>
 * <li>any other override wins on its date: a day off of any kind, or a worked day (which then has no holiday).</li>
 * </ul>
 * Two statutory days on one date (the Hùng Kings' day on 30/4, as in 1803 and 1947) count once: the Code has no rule.
 * Lunar dates exist for 1800–2199 only; other years raise {@link CalendarDataException}.
 *
 * <p><b>Counter time.</b> Time limits in hours and the clock of each step count only the {@link CounterHours} of working
 * days, in {@link #ZONE}.
 */
public final class WorkingCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final CalendarOverrides overrides;
    private final CounterHours counterHours;
    /** Days off per solar year, computed on first use; the calendar's answers never change, so caching is safe. */
    private final Map<Integer, NavigableMap<LocalDate, Holiday>> years = new ConcurrentHashMap<>();

    private WorkingCalendar(CalendarOverrides overrides, CounterHours counterHours) {
        this.overrides = Objects.requireNonNull(overrides, "overrides");
        this.counterHours = Objects.requireNonNull(counterHours, "counterHours");
    }

    /** Statutory rules, the official schedules 2023–2026 shipped with the product and the standard counter hours. */
    public static WorkingCalendar vietnam() {
        return Shipped.VIETNAM;
    }

    /** A calendar of the statutory rules alone and standard hours, until told otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private CalendarOverrides overrides = CalendarOverrides.none();
        private CounterHours counterHours = CounterHours.standard();

        private Builder() {
        }

        public Builder overrides(CalendarOverrides overrides) {
            this.overrides = Objects.requireNonNull(overrides, "overrides");
            return this;
        }

        public Builder counterHours(CounterHours counterHours) {
            this.counterHours = Objects.requireNonNull(counterHours, "counterHours");
            return this;
        }

        public WorkingCalendar build() {
            return new WorkingCalendar(overrides, counterHours);
        }
    }

    /** A new calendar with {@code more} applied on top of this one's overrides ({@code more} wins on shared dates). */
    public WorkingCalendar withOverrides(CalendarOverrides more) {
        return new WorkingCalendar(overrides.plus(more), counterHours);
    }

    public CalendarOverrides overrides() {
        return overrides;
    }

    public CounterHours counterHours() {
        return counterHours;
    }

    public boolean isWorkingDay(LocalDate d) {
        if (overrides.workingDays().contains(d)) {
            return true;
        }
        return !isWeekend(d) && !daysOffOf(d.getYear()).containsKey(d);
    }

    /** Why {@code d} is off, when it is a day off other than a plain weekend; empty on working days. */
    public Optional<Holiday> holiday(LocalDate d) {
        if (overrides.workingDays().contains(d)) {
            return Optional.empty();
        }
        return Optional.ofNullable(daysOffOf(d.getYear()).get(d));
    }

    /** Every day off of the year other than plain weekends, in date order (weekend holidays included). */
    public List<Holiday> daysOff(int year) {
        List<Holiday> list = new ArrayList<>();
        for (Holiday h : daysOffOf(year).values()) {
            if (!overrides.workingDays().contains(h.date())) {
                list.add(h);
            }
        }
        return Collections.unmodifiableList(list);
    }

    /** The first working day strictly after {@code d}. */
    public LocalDate nextWorkingDay(LocalDate d) {
        LocalDate next = d.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** {@code d} itself for n = 0, otherwise the n-th working day after {@code d}. */
    public LocalDate plusWorkingDays(LocalDate d, int n) {
        if (n < 0) {
            throw new CalendarDataException(CalendarDataException.Problem.NEGATIVE_AMOUNT, n);
        }
        LocalDate day = d;
        for (int i = 0; i < n; i++) {
            day = nextWorkingDay(day);
        }
        return day;
    }

    /**
     * When a dossier received at {@code receivedAt} is due. Counting starts on the day of reception when it is a working
     * day and the reception is before closing time (and before {@code sameDayCutOff}, when given: 15:00 for
     * same-day procedures); otherwise on the next working day. A limit of n working days is due at closing time of
     * the start day plus n working days (n = 0: the start day at closing). A limit of n hours is n hours of counter time
     * from the reception, or from the opening of the next working day. Never earlier than {@code receivedAt}.
     */
    public Instant dueAt(Instant receivedAt, TimeLimit limit, Optional<LocalTime> sameDayCutOff) {
        Objects.requireNonNull(limit, "limit");
        LocalDateTime received = LocalDateTime.ofInstant(receivedAt, ZONE);
        LocalTime time = received.toLocalTime();
        boolean startsToday = isWorkingDay(received.toLocalDate())
                && time.isBefore(counterHours.closing())
                && sameDayCutOff.map(time::isBefore).orElse(true);
        LocalDate startDay = startsToday ? received.toLocalDate() : nextWorkingDay(received.toLocalDate());
        Instant due = switch (limit.unit()) {
            case WORKING_DAYS -> at(plusWorkingDays(startDay, limit.amount()), counterHours.closing());
            case WORKING_HOURS -> plusWorkingTime(startsToday ? receivedAt : at(startDay, counterHours.opening()),
                    Duration.ofHours(limit.amount()));
        };
        return due.isBefore(receivedAt) ? receivedAt : due;
    }

    /**
     * Counter time on working days between two instants; negative when {@code to} is before {@code from}. The inverse
     * of {@link #plusWorkingTime}: {@code workingTimeBetween(a, plusWorkingTime(a, d)) == d}.
     */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return workingTimeBetween(to, from).negated();
        }
        LocalDateTime start = LocalDateTime.ofInstant(from, ZONE);
        LocalDateTime end = LocalDateTime.ofInstant(to, ZONE);
        Duration total = Duration.ZERO;
        for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (CounterHours.Interval session : counterHours.intervals()) {
                LocalDateTime open = latest(day.atTime(session.start()), start);
                LocalDateTime close = earliest(day.atTime(session.end()), end);
                if (open.isBefore(close)) {
                    total = total.plus(Duration.between(open, close));
                }
            }
        }
        return total;
    }

    /**
     * The instant at which {@code workingTime} of counter time has passed since {@code from}; a result that falls at
     * the end of a session stays there (e.g. 17:00), it does not move to the next opening.
     */
    public Instant plusWorkingTime(Instant from, Duration workingTime) {
        if (workingTime.isNegative()) {
            throw new CalendarDataException(CalendarDataException.Problem.NEGATIVE_AMOUNT, workingTime);
        }
        if (workingTime.isZero()) {
            return from;
        }
        LocalDateTime start = LocalDateTime.ofInstant(from, ZONE);
        Duration left = workingTime;
        for (LocalDate day = start.toLocalDate(); ; day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (CounterHours.Interval session : counterHours.intervals()) {
                LocalDateTime open = latest(day.atTime(session.start()), start);
                LocalDateTime close = day.atTime(session.end());
                if (open.isBefore(close)) {
                    Duration available = Duration.between(open, close);
                    if (left.compareTo(available) <= 0) {
                        return open.plus(left).atZone(ZONE).toInstant();
                    }
                    left = left.minus(available);
                }
            }
        }
    }

    private NavigableMap<LocalDate, Holiday> daysOffOf(int year) {
        return years.computeIfAbsent(year, this::computeYear);
    }

    private NavigableMap<LocalDate, Holiday> computeYear(int year) {
        NavigableMap<LocalDate, Holiday> statutory = new TreeMap<>();
        put(statutory, LocalDate.of(year, 1, 1), Holiday.Kind.NEW_YEAR);
        if (!overrides.definesKind(year, Holiday.Kind.TET)) {
            LocalDate tet = LunarCalendar.solarDate(year, 1, 1, false);
            for (int i = -1; i <= 3; i++) {
                put(statutory, tet.plusDays(i), Holiday.Kind.TET);
            }
        }
        put(statutory, LunarCalendar.solarDate(year, 3, 10, false), Holiday.Kind.HUNG_KINGS);
        put(statutory, LocalDate.of(year, 4, 30), Holiday.Kind.REUNIFICATION);
        put(statutory, LocalDate.of(year, 5, 1), Holiday.Kind.LABOUR_DAY);
        put(statutory, LocalDate.of(year, 9, 2), Holiday.Kind.NATIONAL_DAY);
        if (!overrides.definesKind(year, Holiday.Kind.NATIONAL_DAY)) {
            put(statutory, LocalDate.of(year, 9, 3), Holiday.Kind.NATIONAL_DAY);
        }

        NavigableMap<LocalDate, Holiday> off = new TreeMap<>(statutory);
        off.putAll(overrides.daysOff().subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true));
        if (!overrides.isOfficial(year)) {
            for (LocalDate day : statutory.keySet()) {
                if (isWeekend(day) && !overrides.workingDays().contains(day)) {
                    LocalDate substitute = day.plusDays(1);
                    while (off.containsKey(substitute)
                            || (isWeekend(substitute) && !overrides.workingDays().contains(substitute))) {
                        substitute = substitute.plusDays(1);
                    }
                    off.put(substitute, new Holiday(substitute, Holiday.Kind.COMPENSATION));
                }
            }
        }
        return Collections.unmodifiableNavigableMap(off);
    }

    private static void put(NavigableMap<LocalDate, Holiday> days, LocalDate date, Holiday.Kind kind) {
        days.putIfAbsent(date, new Holiday(date, kind));
    }

    private static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(ZONE).toInstant();
    }

    private static LocalDateTime latest(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime earliest(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    /** Loaded on first use of {@link #vietnam()}. */
    private static final class Shipped {
        static final WorkingCalendar VIETNAM = builder().overrides(CalendarOverrides.shipped()).build();
    }
}
