package vn.motcua.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expectations are published dates (DOMAIN.md §5 and the printed Vietnamese calendars), not computed here. */
class LunarCalendarTest {

    @ParameterizedTest(name = "Tết {0} = {1}")
    @CsvSource({
        "2020, 2020-01-25", "2021, 2021-02-12", "2022, 2022-02-01", "2023, 2023-01-22", "2024, 2024-02-10",
        "2025, 2025-01-29", "2026, 2026-02-17", "2027, 2027-02-06", "2028, 2028-01-26", "2029, 2029-02-13",
        "2030, 2030-02-02"})
    void tetIsTheFirstDayOfTheFirstMonth(int year, LocalDate expected) {
        assertThat(LunarCalendar.solarDate(year, 1, 1, false)).isEqualTo(expected);
        assertThat(LunarCalendar.lunarDate(expected)).isEqualTo(new LunarDate(year, 1, 1, false));
        assertThat(LunarCalendar.lunarDate(expected.minusDays(1)).month()).isEqualTo(12);
        assertThat(LunarCalendar.lunarDate(expected.minusDays(1)).year()).isEqualTo(year - 1);
    }

    @ParameterizedTest(name = "Hùng Kings {0} = {1}")
    @CsvSource({
        "2020, 2020-04-02", "2021, 2021-04-21", "2022, 2022-04-10", "2023, 2023-04-29", "2024, 2024-04-18",
        "2025, 2025-04-07", "2026, 2026-04-26", "2027, 2027-04-16", "2028, 2028-04-04", "2029, 2029-04-23",
        "2030, 2030-04-12"})
    void hungKingsDayIsTheTenthOfTheThirdMonth(int year, LocalDate expected) {
        assertThat(LunarCalendar.solarDate(year, 3, 10, false)).isEqualTo(expected);
        assertThat(LunarCalendar.lunarDate(expected)).isEqualTo(new LunarDate(year, 3, 10, false));
    }

    /** The years where computing in UTC+8 (a Chinese-calendar library) gives the wrong Tết for Vietnam. */
    @ParameterizedTest(name = "Tết {0}: Vietnam {1}, China {2}")
    @CsvSource({"1985, 1985-01-21, 1985-02-20", "2007, 2007-02-17, 2007-02-18", "2030, 2030-02-02, 2030-02-03"})
    void vietnamAndChinaDiffer(int year, LocalDate vietnam, LocalDate china) {
        assertThat(LunarCalendar.solarDate(year, 1, 1, false)).isEqualTo(vietnam);
        assertThat(LunarCalendar.solarDate(year, 1, 1, false, LunarCalendar.CHINA)).isEqualTo(china);
    }

    @ParameterizedTest(name = "Tết {0} is the same in Vietnam and China")
    @CsvSource({"2020", "2024", "2025", "2026"})
    void mostYearsAgree(int year) {
        assertThat(LunarCalendar.solarDate(year, 1, 1, false, LunarCalendar.CHINA))
                .isEqualTo(LunarCalendar.solarDate(year, 1, 1, false));
    }

    @ParameterizedTest(name = "leap month {1} of {0} starts {2}")
    @CsvSource({"2020, 4, 2020-05-23", "2023, 2, 2023-03-22", "2025, 6, 2025-07-25"})
    void leapMonths(int year, int month, LocalDate start) {
        assertThat(LunarCalendar.solarDate(year, month, 1, true)).isEqualTo(start);
        assertThat(LunarCalendar.lunarDate(start)).isEqualTo(new LunarDate(year, month, 1, true));
        assertThat(LunarCalendar.lunarDate(start.minusDays(1)))
                .satisfies(d -> assertThat(d.month()).isEqualTo(month))
                .satisfies(d -> assertThat(d.leapMonth()).isFalse());
    }

    @Test
    void everyDayRoundTripsAndDaysFollowEachOther() {
        LunarDate previous = LunarCalendar.lunarDate(LocalDate.of(1989, 12, 31));
        for (LocalDate d = LocalDate.of(1990, 1, 1); d.getYear() < 2050; d = d.plusDays(1)) {
            LunarDate lunar = LunarCalendar.lunarDate(d);
            assertThat(LunarCalendar.solarDate(lunar.year(), lunar.month(), lunar.day(), lunar.leapMonth()))
                    .as("round trip of %s (%s)", d, lunar).isEqualTo(d);
            if (lunar.day() == 1) {
                assertThat(previous.day()).as("month before %s", d).isBetween(29, 30);
            } else {
                assertThat(lunar.day()).as("day after %s", previous).isEqualTo(previous.day() + 1);
                assertThat(lunar.month()).isEqualTo(previous.month());
            }
            previous = lunar;
        }
    }

    @Test
    void impossibleLunarDatesAreRejected() {
        assertThatThrownBy(() -> LunarCalendar.solarDate(2024, 2, 1, true))
                .isInstanceOfSatisfying(CalendarDataException.class,
                        e -> assertThat(e.problem()).isEqualTo(CalendarDataException.Problem.BAD_LUNAR_DATE))
                .hasMessageContaining("2024").hasMessageContaining("leap month");
        assertThatThrownBy(() -> LunarCalendar.solarDate(2024, 13, 1, false))
                .isInstanceOf(CalendarDataException.class);
        assertThatThrownBy(() -> LunarCalendar.solarDate(2024, 1, 0, false))
                .isInstanceOf(CalendarDataException.class);
        // The twelfth month of Giáp Thìn (2024) has 29 days: Tết 2025 is 29/01.
        assertThat(LunarCalendar.solarDate(2024, 12, 29, false)).isEqualTo(LocalDate.of(2025, 1, 28));
        assertThatThrownBy(() -> LunarCalendar.solarDate(2024, 12, 30, false))
                .isInstanceOf(CalendarDataException.class);
        assertThatThrownBy(() -> LunarCalendar.lunarDate(LocalDate.of(1700, 1, 1)))
                .isInstanceOfSatisfying(CalendarDataException.class,
                        e -> assertThat(e.message(DomainLocales.VI)).contains("1800").contains("2199").contains("1700"));
    }
}
