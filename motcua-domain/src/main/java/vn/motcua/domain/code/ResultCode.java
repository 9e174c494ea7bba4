package vn.motcua.domain.code;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.motcua.domain.InvalidCodeException;

/** Result code (Decree 45/2020 art. 14): {@code <dossier code>-KQ<n>} for the n-th result document of a dossier. */
public record ResultCode(DossierCode dossier, int number) {

    private static final Pattern FORMAT = Pattern.compile("(.+)-KQ(\\d{1,4})");

    public ResultCode {
        Objects.requireNonNull(dossier, "dossier");
        if (number < 1) {
            throw new InvalidCodeException("code.result.number", number);
        }
    }

    public static ResultCode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidCodeException("code.result.empty");
        }
        String value = text.strip();
        Matcher m = FORMAT.matcher(value);
        if (!m.matches() || m.group(2).startsWith("0")) {
            throw new InvalidCodeException("code.result.format", value);
        }
        return new ResultCode(DossierCode.parse(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public String value() {
        return dossier.value() + "-KQ" + number;
    }

    @Override
    public String toString() {
        return value();
    }
}
