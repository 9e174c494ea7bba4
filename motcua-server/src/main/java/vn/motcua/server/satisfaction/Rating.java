package vn.motcua.server.satisfaction;

import org.springframework.http.HttpStatus;
import vn.motcua.server.dossier.DeskException;

import java.util.Locale;

/** The citizen's answer: Hài lòng / Bình thường / Không hài lòng. Labels: {@code satisfaction.rating.<NAME>}. */
public enum Rating {
    SATISFIED, NEUTRAL, DISSATISFIED;

    /** @throws DeskException (400) for anything but the three names (any case) */
    public static Rating parse(String value) {
        try {
            return valueOf(String.valueOf(value).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "error.satisfaction.rating");
        }
    }

    public String labelKey() {
        return "satisfaction.rating." + name();
    }
}
