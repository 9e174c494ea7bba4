package vn.motcua.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import vn.motcua.domain.calendar.CalendarDataException.Problem;
import vn.motcua.domain.calendar.Holiday.Kind;

class CalendarOverridesTest {

    @Test
    void parsesEveryKindOfEntry() throws IOException {
        CalendarOverrides o = parse("""
                # a comment line

                official 2024   # trailing comment
                off 2024-02-08..2024-02-10 tet
                off 2024-04-29 SWAPPED_OFF
                work 2024-05-04
                off 2024-11-24 EXTRA_DAY_OFF holiday.culture-day
                """);
        assertThat(o.officialYears()).containsExactly(2024);
        assertThat(o.daysOff().keySet()).containsExactly(LocalDate.of(2024, 2, 8), LocalDate.of(2024, 2, 9),
                LocalDate.of(2024, 2, 10), LocalDate.of(2024, 4, 29), LocalDate.of(2024, 11, 24));
        assertThat(o.daysOff().get(LocalDate.of(2024, 2, 9))).isEqualTo(
                new Holiday(LocalDate.of(2024, 2, 9), Kind.TET, "holiday.tet"));
        assertThat(o.daysOff().get(LocalDate.of(2024, 11, 24)).nameKey()).isEqualTo("holiday.culture-day");
        assertThat(o.workingDays()).containsExactly(LocalDate.of(2024, 5, 4));
    }

    @Test
    void toleratesAByteOrderMarkAndTabs() throws IOException {
        assertThat(parse("\uFEFFofficial 2025\r\nwork\t2025-04-26\r\n").workingDays())
                .containsExactly(LocalDate.of(2025, 4, 26));
    }

    @Test
    void formatThenParseGivesTheSameOverrides() throws IOException {
        CalendarOverrides shipped = CalendarOverrides.shipped();
        assertThat(parse(shipped.format())).isEqualTo(shipped);
        assertThat(CalendarOverrides.none().format()).isEmpty();
    }

    @Test
    void shippedScheduleCoversTheFourYears() {
        assertThat(CalendarOverrides.shipped().officialYears()).containsExactlyInAnyOrder(2023, 2024, 2025, 2026);
    }

    @ParameterizedTest(name = "line {1}: {0}")
    @CsvSource(delimiter = '|', value = {
        "holiday 2024-01-01                                  | 2 | UNKNOWN_DIRECTIVE",
        "off 2024-01-01                                      | 2 | MISSING_ARGUMENT",
        "work                                                | 2 | MISSING_ARGUMENT",
        "official                                            | 2 | MISSING_ARGUMENT",
        "work 2024-05-04 2024-05-05                          | 2 | TRAILING_TEXT",
        "off 2024-01-02 TET holiday.tet extra                | 2 | TRAILING_TEXT",
        "off 2024-02-30 TET                                  | 2 | BAD_DATE",
        "off 04/05/2024 TET                                  | 2 | BAD_DATE",
        "off 2024-02-10..2024-02-08 TET                      | 2 | BAD_RANGE",
        "off 2024-01-01..2025-06-01 EXTRA_DAY_OFF            | 2 | BAD_RANGE",
        "official 24                                         | 2 | BAD_YEAR",
        "official 2024a                                      | 2 | BAD_YEAR",
        "off 1750-01-01 EXTRA_DAY_OFF                        | 2 | BAD_YEAR",
        "off 2024-01-02 HOLIDAY                              | 2 | UNKNOWN_KIND",
        "work 2024-01-06..2024-01-08                         | 3 | CONFLICTING_ENTRY"})
    void badLinesAreReportedWithTheirNumber(String badLine, int line, Problem problem) {
        // Line 1 is valid, the bad line is line 2 (or 3 after a valid line that it conflicts with).
        String text = "official 2023\n" + (line == 3 ? "off 2024-01-08 EXTRA_DAY_OFF\n" : "") + badLine.strip() + "\n";
        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(CalendarDataException.class, e -> {
            assertThat(e.problem()).isEqualTo(problem);
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.getMessage()).startsWith("Line " + line + ": ");
            assertThat(e.message(DomainLocales.VI)).startsWith("Dòng " + line + ": ");
        });
    }

    @Test
    void conflictNamesBothLines() {
        assertThatThrownBy(() -> parse("off 2024-04-29 SWAPPED_OFF\n\nwork 2024-04-27..2024-04-29\n"))
                .isInstanceOfSatisfying(CalendarDataException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Line 3: The date 2024-04-29 is already given on line 1.");
                    assertThat(e.message(DomainLocales.VI))
                            .isEqualTo("Dòng 3: Ngày 2024-04-29 đã được khai báo ở dòng 1.");
                });
    }

    @Test
    void laterOverridesWin() throws IOException {
        CalendarOverrides base = parse("off 2026-09-01 NATIONAL_DAY\nwork 2026-01-10\n");
        CalendarOverrides edit = parse("work 2026-09-01\noff 2026-01-10 EXTRA_DAY_OFF\nofficial 2026\n");
        CalendarOverrides merged = base.plus(edit);
        assertThat(merged.daysOff().keySet()).containsExactly(LocalDate.of(2026, 1, 10));
        assertThat(merged.workingDays()).containsExactly(LocalDate.of(2026, 9, 1));
        assertThat(merged.officialYears()).containsExactly(2026);
        assertThat(base.daysOff().keySet()).containsExactly(LocalDate.of(2026, 9, 1));

        CalendarOverrides programmatic = CalendarOverrides.none()
                .withDayOff(LocalDate.of(2026, 1, 10), Kind.EXTRA_DAY_OFF, "holiday.extra-day-off")
                .withWorkingDay(LocalDate.of(2026, 9, 1))
                .withOfficialYear(2026);
        assertThat(programmatic).isEqualTo(merged);
    }

    /** Every problem has a message in both languages (a missing key would show the raw key). */
    @ParameterizedTest
    @EnumSource(Problem.class)
    void everyProblemHasBothTexts(Problem problem) {
        String key = "error." + problem.name().toLowerCase(Locale.ROOT).replace('_', '-');
        assertThat(CalendarMessages.text(Locale.ENGLISH, key)).as("en %s", key).isNotNull();
        assertThat(CalendarMessages.text(DomainLocales.VI, key)).as("vi %s", key).isNotNull()
                .isNotEqualTo(CalendarMessages.text(Locale.ENGLISH, key));
    }

    private static CalendarOverrides parse(String text) throws IOException {
        return CalendarOverrides.parse(new StringReader(text));
    }
}
