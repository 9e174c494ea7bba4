package vn.motcua.domain.calendar;

import java.util.List;
import java.util.Locale;

/**
 * Bad calendar input: a wrong line in an overrides file (with its line number), an invalid counter-hours set, a
 * negative limit, a lunar date that does not exist. The text comes from {@code vn/motcua/domain/calendar/messages*.properties}
 * in Vietnamese or English; {@link #getMessage()} is the English text.
 */
public final class CalendarDataException extends IllegalArgumentException {

    /** What is wrong; each value has the message key {@code error.<name in lower case>}. */
    public enum Problem {
        NEGATIVE_AMOUNT, NO_COUNTER_INTERVAL, BAD_COUNTER_INTERVAL, OVERLAPPING_COUNTER_INTERVALS, BAD_COUNTER_HOURS_TEXT,
        UNKNOWN_DIRECTIVE, MISSING_ARGUMENT, TRAILING_TEXT, BAD_DATE, BAD_RANGE, BAD_YEAR, UNKNOWN_KIND,
        CONFLICTING_ENTRY, BAD_LUNAR_DATE, YEAR_OUT_OF_RANGE
    }

    private final Problem problem;
    private final int line;
    private final List<Object> args;

    CalendarDataException(Problem problem, Object... args) {
        this(0, problem, args);
    }

    CalendarDataException(int line, Problem problem, Object... args) {
        super(format(Locale.ENGLISH, line, problem, args));
        this.problem = problem;
        this.line = line;
        this.args = List.of(args);
    }

    public Problem problem() {
        return problem;
    }

    /** The 1-based line of the overrides file, or 0 when the error does not come from a file. */
    public int line() {
        return line;
    }

    /** The message in the given language (Vietnamese: {@code Locale.forLanguageTag("vi")}). */
    public String message(Locale locale) {
        return format(locale, line, problem, args.toArray());
    }

    @Override
    public String getLocalizedMessage() {
        return message(Locale.getDefault());
    }

    private static String format(Locale locale, int line, Problem problem, Object... args) {
        String key = "error." + problem.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String detail = CalendarMessages.text(locale, key, args);
        if (detail == null) {
            detail = key + " " + List.of(args);
        }
        return line > 0 ? CalendarMessages.text(locale, "error.at-line", String.valueOf(line), detail) : detail;
    }
}
