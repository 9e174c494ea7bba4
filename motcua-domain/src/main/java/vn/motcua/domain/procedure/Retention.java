package vn.motcua.domain.procedure;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/** Retention period of the archived dossier (thời hạn bảo quản): permanent, or a number of years. */
public record Retention(OptionalInt years) {

    public Retention {
        if (years.isPresent() && years.getAsInt() < 1) {
            throw new IllegalArgumentException("retention must be at least one year");
        }
    }

    public static Retention permanent() {
        return new Retention(OptionalInt.empty());
    }

    public static Retention years(int years) {
        return new Retention(OptionalInt.of(years));
    }

    public boolean isPermanent() {
        return years.isEmpty();
    }

    /** The last day the record must be kept when filed on the date; empty when permanent. */
    public Optional<LocalDate> keptUntil(LocalDate filedOn) {
        return isPermanent() ? Optional.empty() : Optional.of(filedOn.plusYears(years.getAsInt()));
    }

    @Override
    public String toString() {
        return isPermanent() ? "PERMANENT" : years.getAsInt() + " years";
    }
}
