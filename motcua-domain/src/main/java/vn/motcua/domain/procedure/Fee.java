package vn.motcua.domain.procedure;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * The fee (lệ phí / phí) of a procedure: a fixed amount in VND when there is one, and always the text the slip prints
 * (rules such as "2,000đ per page, from page 3 1,000đ, at most 200,000đ" or "set by the province").
 */
public record Fee(OptionalLong amountVnd, String textVi, String textEn) {

    public Fee {
        Objects.requireNonNull(amountVnd, "amountVnd");
        Objects.requireNonNull(textVi, "textVi");
        Objects.requireNonNull(textEn, "textEn");
        if (amountVnd.isPresent() && amountVnd.getAsLong() < 0) {
            throw new IllegalArgumentException("negative fee");
        }
    }

    public boolean isFree() {
        return amountVnd.isPresent() && amountVnd.getAsLong() == 0;
    }
}
