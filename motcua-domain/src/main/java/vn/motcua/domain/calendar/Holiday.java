package vn.motcua.domain.calendar;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * Why a day that would otherwise be worked is off. {@code nameKey} is a key of the calendar's message bundle
 * ({@code holiday.tet}, ...); a day off added by an administrator may carry any key, or a plain label that
 * {@link #name(Locale)} then shows as it is.
 */
public record Holiday(LocalDate date, Kind kind, String nameKey) {

    public enum Kind {
        NEW_YEAR, TET, HUNG_KINGS, REUNIFICATION, LABOUR_DAY, NATIONAL_DAY,
        /** The working day that replaces a statutory day falling on a weekend. */
        COMPENSATION,
        /** A working day given off in exchange for a Saturday worked (hoán đổi ngày làm việc). */
        SWAPPED_OFF,
        /** Any other day off decided by the government or the province. */
        EXTRA_DAY_OFF;

        /** {@code holiday.} + the name in lower case with dashes, e.g. {@code holiday.hung-kings}. */
        public String defaultNameKey() {
            return "holiday." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Holiday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(nameKey, "nameKey");
    }

    public Holiday(LocalDate date, Kind kind) {
        this(date, kind, kind.defaultNameKey());
    }

    /** The display name in the given language; the key itself when the bundle does not define it. */
    public String name(Locale locale) {
        String text = CalendarMessages.text(locale, nameKey);
        return text == null ? nameKey : text;
    }
}
