package vn.motcua.domain.procedure;

import java.util.Objects;

/**
 * A component of a dossier (thành phần hồ sơ): one document the applicant brings.
 *
 * @param key short identifier, unique within the procedure (used to tick what was provided)
 */
public record Component(String key, String nameVi, String nameEn, Form form, int quantity, boolean mandatory) {

    /** Bản chính, bản sao (có chứng thực), bản điện tử / bản chụp. */
    public enum Form { ORIGINAL, COPY, SCAN }

    public Component {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(nameVi, "nameVi");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(form, "form");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
    }
}
