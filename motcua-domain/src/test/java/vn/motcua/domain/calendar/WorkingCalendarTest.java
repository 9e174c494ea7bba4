package vn.motcua.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.motcua.domain.calendar.Holiday.Kind;

class WorkingCalendarTest {

    private static final WorkingCalendar VIETNAM = WorkingCalendar.vietnam();
    private static final WorkingCalendar STATUTORY_ONLY = WorkingCalendar.builder().build();

    /** Every weekday off in the official schedules 2023–2026, as published. */
    @ParameterizedTest(name = "weekdays off in {0}")
    @CsvSource(delimiter = ';', value = {
        "2023; 01-02 01-20 01-23 01-24 01-25 01-26 05-01 05-02 05-03 09-01 09-04",
        "2024; 01-01 02-08 02-09 02-12 02-13 02-14 04-18 04-29 04-30 05-01 09-02 09-03",
        "2025; 01-01 01-27 01-28 01-29 01-30 01-31 04-07 04-30 05-01 05-02 09-01 09-02",
        "2026; 01-01 01-02 02-16 02-17 02-18 02-19 02-20 04-27 04-30 05-01 08-31 09-01 09-02"})
    void officialWeekdaysOff(int year, String days) {
        assertThat(weekdaysOff(VIETNAM, year)).isEqualTo(dates(year, days));
    }

    @ParameterizedTest(name = "Saturdays worked in {0}")
    @CsvSource(delimiter = ';', value = {"2023; ", "2024; 05-04", "2025; 04-26", "2026; 01-10 08-22"})
    void officialSaturdaysWorked(int year, String days) {
        List<LocalDate> worked = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() >= 6 && VIETNAM.isWorkingDay(d)) {
                worked.add(d);
            }
        }
        assertThat(worked).isEqualTo(dates(year, days));
    }

    @ParameterizedTest(name = "{0} is off: {1}")
    @CsvSource({
        "2024-04-29, SWAPPED_OFF", "2025-05-02, SWAPPED_OFF", "2026-01-02, SWAPPED_OFF", "2026-08-31, SWAPPED_OFF",
        "2025-01-27, TET",
        "2026-02-16, TET", "2026-02-20, TET", "2024-02-08, TET", "2023-01-20, TET",
        "2023-01-02, COMPENSATION", "2023-09-04, COMPENSATION", "2026-04-27, COMPENSATION",
        "2024-04-18, HUNG_KINGS", "2025-04-07, HUNG_KINGS", "2025-04-30, REUNIFICATION", "2025-05-01, LABOUR_DAY",
        "2024-09-03, NATIONAL_DAY", "2025-09-01, NATIONAL_DAY", "2026-01-01, NEW_YEAR"})
    void officialDaysOffAndWhy(LocalDate day, Kind kind) {
        assertThat(VIETNAM.isWorkingDay(day)).isFalse();
        assertThat(VIETNAM.holiday(day)).get().extracting(Holiday::kind).isEqualTo(kind);
        assertThat(VIETNAM.holiday(day).orElseThrow().date()).isEqualTo(day);
    }

    @ParameterizedTest(name = "swap: {0} off, Saturday {1} worked")
    @CsvSource({"2024-04-29, 2024-05-04", "2025-05-02, 2025-04-26", "2026-01-02, 2026-01-10", "2026-08-31, 2026-08-22"})
    void swaps(LocalDate dayOff, LocalDate saturday) {
        assertThat(saturday.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(VIETNAM.isWorkingDay(saturday)).isTrue();
        assertThat(VIETNAM.holiday(saturday)).isEmpty();
        assertThat(VIETNAM.isWorkingDay(dayOff)).isFalse();
        // Without the official schedule both are ordinary days.
        assertThat(STATUTORY_ONLY.isWorkingDay(saturday)).isFalse();
        assertThat(STATUTORY_ONLY.isWorkingDay(dayOff)).isTrue();
    }

    @Test
    void plainWeekendsAreNotHolidays() {
        LocalDate saturday = LocalDate.of(2024, 6, 8);
        assertThat(VIETNAM.isWorkingDay(saturday)).isFalse();
        assertThat(VIETNAM.isWorkingDay(saturday.plusDays(1))).isFalse();
        assertThat(VIETNAM.holiday(saturday)).isEmpty();
        assertThat(VIETNAM.daysOff(2024)).extracting(Holiday::date).doesNotContain(saturday);
        assertThat(VIETNAM.isWorkingDay(LocalDate.of(2024, 6, 10))).isTrue();
    }

    /** Years without an official schedule: the computed rules, including compensation of weekend holidays. */
    @ParameterizedTest(name = "computed {0}")
    @CsvSource(delimiter = ';', value = {
        // Tết 06/02 (Sat): 05–09/02 with 06, 07 compensated on Wed 10 and Thu 11; 01/5 (Sat) → Mon 03/5.
        "2027; 01-01 02-05 02-08 02-09 02-10 02-11 04-16 04-30 05-03 09-02 09-03",
        // 01/01 (Sat) → Mon 03/01; Hùng Kings 10/04 (Sun) → Mon 11/04; 30/4 (Sat), 1/5 (Sun) → Mon 2/5, Tue 3/5;
        // 3/9 (Sat) → Mon 5/9.
        "2022; 01-03 01-31 02-01 02-02 02-03 02-04 04-11 05-02 05-03 09-02 09-05",
        // Tết 25/01 (Sat): 24–28/01, compensated on Wed 29 and Thu 30.
        "2020; 01-01 01-24 01-27 01-28 01-29 01-30 04-02 04-30 05-01 09-02 09-03"})
    void computedYears(int year, String days) {
        assertThat(weekdaysOff(VIETNAM, year)).isEqualTo(dates(year, days));
    }

    @Test
    void compensationDaysAreNamed() {
        assertThat(VIETNAM.holiday(LocalDate.of(2027, 2, 10))).get().extracting(Holiday::kind)
                .isEqualTo(Kind.COMPENSATION);
        assertThat(VIETNAM.holiday(LocalDate.of(2027, 2, 6))).get().extracting(Holiday::kind).isEqualTo(Kind.TET);
        assertThat(VIETNAM.daysOff(2027)).extracting(Holiday::date).isSorted().contains(LocalDate.of(2027, 2, 6));
    }

    @Test
    void officialScheduleReplacesTheComputedTetAndNationalDay() throws IOException {
        WorkingCalendar withOfficial2022 = STATUTORY_ONLY.withOverrides(CalendarOverrides.parse(new StringReader("""
                official 2022
                off 2022-01-03 COMPENSATION
                off 2022-01-31..2022-02-04 TET
                off 2022-09-01 NATIONAL_DAY
                """)));
        assertThat(withOfficial2022.isWorkingDay(LocalDate.of(2022, 9, 1))).isFalse();
        assertThat(withOfficial2022.isWorkingDay(LocalDate.of(2022, 9, 5))).isTrue();
        assertThat(withOfficial2022.holiday(LocalDate.of(2022, 9, 3))).isEmpty();
        // No computed compensation in an official year: 11/04 (for Hùng Kings on Sunday) is not listed, so it is worked.
        assertThat(withOfficial2022.isWorkingDay(LocalDate.of(2022, 4, 11))).isTrue();
        // A Tết entry alone (not official) replaces the computed Tết but keeps computing compensation.
        WorkingCalendar tetOnly = STATUTORY_ONLY.withOverrides(CalendarOverrides.parse(new StringReader(
                "off 2027-02-04..2027-02-10 TET\n")));
        assertThat(weekdaysOff(tetOnly, 2027)).isEqualTo(dates(2027,
                "01-01 02-04 02-05 02-08 02-09 02-10 04-16 04-30 05-03 09-02 09-03"));
    }

    @Test
    void withOverridesLeavesTheOriginalUntouched() throws IOException {
        LocalDate cultureDay = LocalDate.of(2026, 11, 24);
        WorkingCalendar edited = VIETNAM.withOverrides(CalendarOverrides.parse(new StringReader(
                "off 2026-11-24 EXTRA_DAY_OFF holiday.culture-day\nwork 2026-05-01\n")));
        assertThat(edited.isWorkingDay(cultureDay)).isFalse();
        assertThat(edited.holiday(cultureDay).orElseThrow().name(DomainLocales.VI)).isEqualTo("Ngày Văn hóa Việt Nam");
        assertThat(edited.isWorkingDay(LocalDate.of(2026, 5, 1))).isTrue();
        assertThat(edited.isWorkingDay(LocalDate.of(2026, 1, 2))).isFalse();
        assertThat(VIETNAM.isWorkingDay(cultureDay)).isTrue();
        assertThat(VIETNAM.isWorkingDay(LocalDate.of(2026, 5, 1))).isFalse();
        assertThat(edited.counterHours()).isEqualTo(VIETNAM.counterHours());
    }

    @ParameterizedTest(name = "next working day after {0} is {1}")
    @CsvSource({
        "2024-06-07, 2024-06-10", "2024-06-10, 2024-06-11", "2024-04-26, 2024-05-02", "2024-05-03, 2024-05-04",
        "2025-01-24, 2025-02-03", "2026-02-13, 2026-02-23", "2026-04-24, 2026-04-28", "2025-12-31, 2026-01-05"})
    void nextWorkingDay(LocalDate day, LocalDate expected) {
        assertThat(VIETNAM.nextWorkingDay(day)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
        "2024-06-03, 0, 2024-06-03", "2024-06-03, 5, 2024-06-10", "2024-04-25, 3, 2024-05-03",
        "2024-04-25, 4, 2024-05-04", "2025-01-24, 1, 2025-02-03", "2024-06-08, 0, 2024-06-08",
        "2024-06-08, 1, 2024-06-10"})
    void plusWorkingDays(LocalDate day, int n, LocalDate expected) {
        assertThat(VIETNAM.plusWorkingDays(day, n)).isEqualTo(expected);
    }

    @Test
    void negativeCountsAreRejected() {
        assertThatThrownBy(() -> VIETNAM.plusWorkingDays(LocalDate.of(2024, 1, 2), -1))
                .isInstanceOfSatisfying(CalendarDataException.class,
                        e -> assertThat(e.problem()).isEqualTo(CalendarDataException.Problem.NEGATIVE_AMOUNT));
        assertThatThrownBy(() -> TimeLimit.workingDays(-2)).isInstanceOf(CalendarDataException.class)
                .hasMessageContaining("-2");
    }

    @Test
    void everyYearHasElevenStatutoryDaysOffOnWorkingDays() {
        // Labour Code art. 112: 11 days; with compensation none is lost to a weekend (years without official schedule).
        for (int year = 2000; year <= 2060; year++) {
            if (year >= 2023 && year <= 2026) {
                continue;
            }
            assertThat(weekdaysOff(STATUTORY_ONLY, year)).as("year %d", year).hasSize(11);
        }
    }

    @Test
    void holidayNamesInBothLanguages() {
        Holiday tet = VIETNAM.holiday(LocalDate.of(2026, 2, 17)).orElseThrow();
        assertThat(tet.name(DomainLocales.VI)).isEqualTo("Tết Âm lịch");
        assertThat(tet.name(Locale.ENGLISH)).isEqualTo("Lunar New Year (Tet)");
        for (Kind kind : Kind.values()) {
            Holiday h = new Holiday(LocalDate.of(2024, 1, 1), kind);
            assertThat(h.name(DomainLocales.VI)).as("vi %s", kind).isNotEqualTo(h.nameKey());
            assertThat(h.name(Locale.ENGLISH)).as("en %s", kind).isNotEqualTo(h.nameKey())
                    .isNotEqualTo(h.name(DomainLocales.VI));
        }
        assertThat(new Holiday(LocalDate.of(2024, 1, 1), Kind.EXTRA_DAY_OFF, "Lễ hội địa phương")
                .name(DomainLocales.VI)).isEqualTo("Lễ hội địa phương");
    }

    private static List<LocalDate> weekdaysOff(WorkingCalendar calendar, int year) {
        List<LocalDate> off = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5 && !calendar.isWorkingDay(d)) {
                off.add(d);
            }
        }
        return off;
    }

    private static List<LocalDate> dates(int year, String monthDays) {
        if (monthDays == null || monthDays.isBlank()) {
            return List.of();
        }
        return List.of(monthDays.trim().split("\\s+")).stream()
                .map(md -> LocalDate.parse(year + "-" + md)).collect(Collectors.toList());
    }
}
