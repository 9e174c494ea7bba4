package vn.motcua.domain.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.function.IntToLongFunction;

/**
 * Prints the cost of the calendar's operations (not a test; no unit test asserts a duration). Run after
 * {@code ./mvnw -pl motcua-domain test-compile}:
 * {@code java -cp motcua-domain/target/classes:motcua-domain/target/test-classes vn.motcua.domain.calendar.CalendarBench}
 */
public final class CalendarBench {

    private static final int SECONDS = 1;

    private CalendarBench() {
    }

    public static void main(String[] args) {
        WorkingCalendar calendar = WorkingCalendar.vietnam();
        Instant base = LocalDateTime.of(2024, 1, 1, 0, 0).atZone(WorkingCalendar.ZONE).toInstant();
        LocalDate day0 = LocalDate.of(2000, 1, 1);
        System.out.printf("%-58s %12s%n", "operation", "µs/op");
        run("LunarCalendar.lunarDate (any day 2000-2054)", i -> LunarCalendar.lunarDate(day0.plusDays(i % 20000)).day());
        run("LunarCalendar.solarDate (Tết of a year 1900-2199)", i -> LunarCalendar.solarDate(1900 + i % 300, 1, 1, false)
                .toEpochDay());
        run("first use of a year on a new calendar (days off computed)", i -> WorkingCalendar.builder().build()
                .daysOff(2000 + i % 100).size());
        run("isWorkingDay (warm)", i -> calendar.isWorkingDay(LocalDate.of(2024, 1, 1).plusDays(i % 1400)) ? 1 : 0);
        run("dueAt 15 working days (warm)", i -> calendar.dueAt(base.plusSeconds(i % 100_000 * 997L),
                TimeLimit.workingDays(15), Optional.empty()).getEpochSecond());
        run("dueAt 8 working hours, 15:00 cut-off (warm)", i -> calendar.dueAt(base.plusSeconds(i % 100_000 * 997L),
                TimeLimit.workingHours(8), Optional.of(java.time.LocalTime.of(15, 0))).getEpochSecond());
        run("workingTimeBetween over 30 days", i -> calendar.workingTimeBetween(base.plusSeconds(i % 1000 * 3607L),
                base.plusSeconds(i % 1000 * 3607L + 30 * 86_400L)).toSeconds());
        run("workingTimeBetween over 365 days", i -> calendar.workingTimeBetween(base.plusSeconds(i % 1000 * 3607L),
                base.plusSeconds(i % 1000 * 3607L + 365 * 86_400L)).toSeconds());
        run("plusWorkingTime 120 hours", i -> calendar.plusWorkingTime(base.plusSeconds(i % 1000 * 3607L),
                Duration.ofHours(120)).getEpochSecond());
    }

    private static void run(String name, IntToLongFunction op) {
        long sink = 0;
        long warmUntil = System.nanoTime() + 500_000_000L;
        int i = 0;
        while (System.nanoTime() < warmUntil) {
            sink += op.applyAsLong(i++);
        }
        long start = System.nanoTime();
        long end = start + SECONDS * 1_000_000_000L;
        int count = 0;
        long now;
        do {
            for (int k = 0; k < 100; k++) {
                sink += op.applyAsLong(i++);
            }
            count += 100;
            now = System.nanoTime();
        } while (now < end);
        System.out.printf("%-58s %12.2f%s%n", name, (now - start) / 1000.0 / count, sink == 42 ? " " : "");
    }
}
