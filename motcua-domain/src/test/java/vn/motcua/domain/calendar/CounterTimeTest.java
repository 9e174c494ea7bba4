package vn.motcua.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** dueAt, workingTimeBetween and plusWorkingTime; times are local to Asia/Ho_Chi_Minh. */
class CounterTimeTest {

    private static final WorkingCalendar VIETNAM = WorkingCalendar.vietnam();
    private static final Optional<LocalTime> CUT_OFF_15 = Optional.of(LocalTime.of(15, 0));

    @ParameterizedTest(name = "received {0}, {1} working days, cut-off {2} → {3}")
    @CsvSource({
        // Monday morning: counted from Monday, due Thursday at closing.
        "2024-06-03T09:00, 3, , 2024-06-06T17:00",
        "2024-06-03T16:30, 0, , 2024-06-03T17:00",
        "2024-06-03T06:15, 0, , 2024-06-03T17:00",
        "2024-06-03T12:10, 1, , 2024-06-04T17:00",
        // Same-day procedures with the 15:00 cut-off.
        "2024-06-03T14:59, 0, 15:00, 2024-06-03T17:00",
        "2024-06-03T15:00, 0, 15:00, 2024-06-04T17:00",
        "2024-06-03T15:30, 0, 15:00, 2024-06-04T17:00",
        "2024-06-03T15:30, 0, , 2024-06-03T17:00",
        "2024-06-03T15:30, 2, 15:00, 2024-06-06T17:00",
        // After closing: counted from the next working day.
        "2024-06-03T17:00, 0, , 2024-06-04T17:00",
        "2024-06-03T17:30, 1, , 2024-06-05T17:00",
        "2024-06-07T18:00, 1, , 2024-06-11T17:00",
        // Weekend and holiday receptions (online, by post).
        "2024-06-08T10:00, 2, , 2024-06-12T17:00",
        "2024-06-09T23:59, 0, , 2024-06-10T17:00",
        "2024-04-30T10:00, 1, , 2024-05-03T17:00",
        "2024-04-30T10:00, 2, , 2024-05-04T17:00",
        // Across Tết.
        "2025-01-24T10:00, 3, , 2025-02-05T17:00",
        "2026-02-13T16:00, 1, , 2026-02-23T17:00",
        "2026-02-13T16:00, 1, 15:00, 2026-02-24T17:00",
        "2026-02-18T08:00, 0, , 2026-02-23T17:00"})
    void dueAtInWorkingDays(LocalDateTime received, int days, LocalTime cutOff, LocalDateTime expected) {
        Instant due = VIETNAM.dueAt(at(received), TimeLimit.workingDays(days), Optional.ofNullable(cutOff));
        assertThat(local(due)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "received {0}, {1} working hours, cut-off {2} → {3}")
    @CsvSource({
        "2024-06-03T10:00, 8, , 2024-06-04T10:00",
        "2024-06-03T07:00, 4, , 2024-06-03T11:00",
        "2024-06-03T07:00, 8, , 2024-06-03T17:00",
        "2024-06-03T07:00, 7, , 2024-06-03T16:00",
        "2024-06-03T06:00, 1, , 2024-06-03T08:00",
        "2024-06-03T12:00, 1, , 2024-06-03T14:30",
        "2024-06-03T10:00, 0, , 2024-06-03T10:00",
        "2024-06-08T10:00, 4, , 2024-06-10T11:00",
        "2024-06-08T10:00, 0, , 2024-06-10T07:00",
        "2024-06-03T15:30, 2, , 2024-06-04T07:30",
        "2024-06-03T15:30, 2, 15:00, 2024-06-04T09:00",
        "2024-06-03T17:45, 1, , 2024-06-04T08:00",
        "2026-02-13T16:00, 4, , 2026-02-23T10:00",
        "2024-05-03T16:00, 3, , 2024-05-04T09:00"})
    void dueAtInWorkingHours(LocalDateTime received, int hours, LocalTime cutOff, LocalDateTime expected) {
        Instant due = VIETNAM.dueAt(at(received), TimeLimit.workingHours(hours), Optional.ofNullable(cutOff));
        assertThat(local(due)).isEqualTo(expected);
    }

    @Test
    void plusWorkingTimeEndsAtTheEndOfASessionRatherThanTheNextOpening() {
        assertThat(local(VIETNAM.plusWorkingTime(at("2024-06-03T07:00"), Duration.ofMinutes(270))))
                .isEqualTo(LocalDateTime.parse("2024-06-03T11:30"));
        assertThat(local(VIETNAM.plusWorkingTime(at("2024-06-03T07:00"), Duration.ofMinutes(271))))
                .isEqualTo(LocalDateTime.parse("2024-06-03T13:31"));
        assertThat(VIETNAM.plusWorkingTime(at("2024-06-08T07:00"), Duration.ZERO)).isEqualTo(at("2024-06-08T07:00"));
    }

    @ParameterizedTest(name = "{0} → {1} = {2}")
    @CsvSource({
        "2024-06-03T00:00, 2024-06-04T00:00, PT8H",
        "2024-06-03T10:00, 2024-06-03T14:00, PT2H",
        "2024-06-03T11:45, 2024-06-03T13:15, PT0S",
        "2024-06-08T00:00, 2024-06-10T00:00, PT0S",
        // Fri afternoon 3.5 h; 27–29/04 weekend and swap, 30/04–01/05 holidays; Thu, Fri, Sat 04/05 8 h each;
        // Mon morning 4.5 h.
        "2024-04-26T12:00, 2024-05-06T12:00, PT32H",
        "2024-06-03T16:00, 2024-06-03T10:00, PT-4H"})
    void workingTimeBetween(LocalDateTime from, LocalDateTime to, Duration expected) {
        assertThat(VIETNAM.workingTimeBetween(at(from), at(to))).isEqualTo(expected);
    }

    /** The property the dossier clock relies on, on random instants and durations (seeded, reproducible). */
    @Test
    void plusWorkingTimeAndWorkingTimeBetweenAreInverse() {
        Random random = new Random(20240504);
        Instant base = at("2022-12-01T00:00");
        for (int i = 0; i < 3000; i++) {
            Instant from = base.plusSeconds(random.nextInt(5 * 365 * 24 * 3600)).plusNanos(random.nextInt(1_000_000_000));
            Duration d = i % 10 == 0
                    ? Duration.ofHours(random.nextInt(100))
                    : Duration.ofSeconds(random.nextInt(300 * 3600), random.nextInt(1_000_000_000));
            Instant end = VIETNAM.plusWorkingTime(from, d);
            assertThat(VIETNAM.workingTimeBetween(from, end)).as("from %s plus %s", from, d).isEqualTo(d);
            assertThat(end).isAfterOrEqualTo(from);
            // The other way round, from any later instant b: the clock reaches b's counter time no later than b.
            Instant b = from.plusSeconds(random.nextInt(30 * 24 * 3600));
            Duration between = VIETNAM.workingTimeBetween(from, b);
            Instant reached = VIETNAM.plusWorkingTime(from, between);
            assertThat(reached).isBeforeOrEqualTo(b);
            assertThat(VIETNAM.workingTimeBetween(from, reached)).isEqualTo(between);
            assertThat(VIETNAM.workingTimeBetween(reached, b)).isZero();
        }
    }

    @Test
    void dueIsNeverBeforeReception() {
        Random random = new Random(1502);
        Instant base = at("2023-01-01T00:00");
        for (int i = 0; i < 2000; i++) {
            Instant received = base.plusSeconds(random.nextInt(4 * 365 * 24 * 3600));
            TimeLimit limit = random.nextBoolean() ? TimeLimit.workingDays(random.nextInt(3))
                    : TimeLimit.workingHours(random.nextInt(3));
            Optional<LocalTime> cutOff = random.nextBoolean() ? CUT_OFF_15 : Optional.empty();
            Instant due = VIETNAM.dueAt(received, limit, cutOff);
            assertThat(due).as("%s %s %s", local(received), limit, cutOff).isAfterOrEqualTo(received);
            assertThat(VIETNAM.isWorkingDay(local(due).toLocalDate())).isTrue();
        }
    }

    @Test
    void customCounterHours() {
        WorkingCalendar calendar = WorkingCalendar.builder()
                .counterHours(CounterHours.of(
                        new CounterHours.Interval(LocalTime.of(13, 0), LocalTime.of(17, 30)),
                        new CounterHours.Interval(LocalTime.of(8, 0), LocalTime.of(12, 0))))
                .build();
        assertThat(calendar.counterHours().opening()).isEqualTo(LocalTime.of(8, 0));
        assertThat(calendar.counterHours().closing()).isEqualTo(LocalTime.of(17, 30));
        assertThat(calendar.counterHours().perDay()).isEqualTo(Duration.ofMinutes(510));
        assertThat(local(calendar.dueAt(at("2024-06-03T17:10"), TimeLimit.workingDays(0), Optional.empty())))
                .isEqualTo(LocalDateTime.parse("2024-06-03T17:30"));
        assertThat(local(calendar.dueAt(at("2024-06-03T11:00"), TimeLimit.workingHours(2), Optional.empty())))
                .isEqualTo(LocalDateTime.parse("2024-06-03T14:00"));
        // Statutory rules only: 29/04/2024 is a normal Monday without the official swap.
        assertThat(calendar.isWorkingDay(java.time.LocalDate.of(2024, 4, 29))).isTrue();
    }

    @Test
    void badCounterHoursAreRejected() {
        assertThatThrownBy(() -> new CounterHours.Interval(LocalTime.of(11, 0), LocalTime.of(7, 0)))
                .isInstanceOfSatisfying(CalendarDataException.class, e -> {
                    assertThat(e.problem()).isEqualTo(CalendarDataException.Problem.BAD_COUNTER_INTERVAL);
                    assertThat(e.message(DomainLocales.VI)).contains("Buổi tiếp nhận");
                });
        assertThatThrownBy(() -> CounterHours.of(
                new CounterHours.Interval(LocalTime.of(7, 0), LocalTime.of(12, 0)),
                new CounterHours.Interval(LocalTime.of(11, 0), LocalTime.of(17, 0))))
                .isInstanceOfSatisfying(CalendarDataException.class, e -> assertThat(e.problem())
                        .isEqualTo(CalendarDataException.Problem.OVERLAPPING_COUNTER_INTERVALS));
        assertThatThrownBy(() -> CounterHours.of(java.util.List.of()))
                .isInstanceOf(CalendarDataException.class).hasMessageContaining("at least one session");
        assertThatThrownBy(() -> VIETNAM.plusWorkingTime(Instant.EPOCH, Duration.ofHours(-1)))
                .isInstanceOf(CalendarDataException.class);
    }

    @Test
    void counterHoursFromConfigurationText() {
        assertThat(CounterHours.parse("07:00-11:30, 13:30 – 17:00")).isEqualTo(CounterHours.standard());
        assertThat(CounterHours.parse(CounterHours.standard().toString())).isEqualTo(CounterHours.standard());
        assertThat(CounterHours.standard()).hasToString("07:00-11:30, 13:30-17:00");
        assertThat(CounterHours.parse("7:30-11:30").opening()).isEqualTo(LocalTime.of(7, 30));
    }

    @ParameterizedTest(name = "\"{0}\" is rejected: {1}")
    @CsvSource(delimiter = '|', value = {
        "07:00-11:30; 13:30-17:00 | BAD_COUNTER_HOURS_TEXT",
        "07:00                    | BAD_COUNTER_HOURS_TEXT",
        "7h-11h30                 | BAD_COUNTER_HOURS_TEXT",
        "11:30-07:00              | BAD_COUNTER_INTERVAL",
        "07:00-12:00, 11:00-17:00 | OVERLAPPING_COUNTER_INTERVALS"})
    void badCounterHoursText(String text, CalendarDataException.Problem problem) {
        assertThatThrownBy(() -> CounterHours.parse(text)).isInstanceOfSatisfying(CalendarDataException.class,
                e -> assertThat(e.problem()).isEqualTo(problem));
    }

    @Test
    void standardCounterHours() {
        CounterHours standard = CounterHours.standard();
        assertThat(standard.opening()).isEqualTo(LocalTime.of(7, 0));
        assertThat(standard.closing()).isEqualTo(LocalTime.of(17, 0));
        assertThat(standard.perDay()).isEqualTo(Duration.ofHours(8));
        assertThat(standard.intervals()).hasSize(2);
    }

    private static Instant at(String local) {
        return at(LocalDateTime.parse(local));
    }

    private static Instant at(LocalDateTime local) {
        return local.atZone(WorkingCalendar.ZONE).toInstant();
    }

    private static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, WorkingCalendar.ZONE);
    }
}
