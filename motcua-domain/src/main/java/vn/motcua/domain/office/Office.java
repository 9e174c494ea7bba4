package vn.motcua.domain.office;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An office (cơ quan / đơn vị) of the one-stop system: a People's Committee or one of its agencies, at a level, under a
 * parent, with an agency code that is valid between two dates (both inclusive, open when absent).
 *
 * @param id stable identifier used by dossiers and users (agency codes are re-issued, ids are not)
 */
public record Office(String id, AgencyCode agencyCode, OfficeLevel level, Optional<String> parentId, String nameVi,
                     String nameEn, Optional<LocalDate> validFrom, Optional<LocalDate> validUntil) {

    public Office {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agencyCode, "agencyCode");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(nameVi, "nameVi");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        if (validFrom.isPresent() && validUntil.isPresent() && validUntil.get().isBefore(validFrom.get())) {
            throw new IllegalArgumentException("validUntil before validFrom for office " + id);
        }
    }

    /** True when the office exists on that date. */
    public boolean isValidOn(LocalDate date) {
        return validFrom.map(f -> !date.isBefore(f)).orElse(true) && validUntil.map(u -> !date.isAfter(u)).orElse(true);
    }

    /** True when the two offices' validity periods share at least one day. */
    boolean overlaps(Office other) {
        LocalDate start = later(validFrom.orElse(LocalDate.MIN), other.validFrom.orElse(LocalDate.MIN));
        LocalDate end = earlier(validUntil.orElse(LocalDate.MAX), other.validUntil.orElse(LocalDate.MAX));
        return !end.isBefore(start);
    }

    /** The name in the user's language: Vietnamese unless English is asked for. */
    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
