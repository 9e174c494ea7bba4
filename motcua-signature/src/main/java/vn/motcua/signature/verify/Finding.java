package vn.motcua.signature.verify;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One problem or remark about a signature or the document. {@code code} is a message-bundle key (messages*.properties);
 * {@code subIndication} is null for warnings that do not change the verdict.
 */
public record Finding(String code, SubIndication subIndication, List<String> args) {

    public Finding {
        Objects.requireNonNull(code);
        args = List.copyOf(args);
    }

    static Finding error(SubIndication sub, String code, Object... args) {
        return new Finding(code, sub, stringify(args));
    }

    static Finding warning(String code, Object... args) {
        return new Finding(code, null, stringify(args));
    }

    public boolean isWarning() {
        return subIndication == null;
    }

    /** The human text in the given language (Vietnamese or English). */
    public String message(Locale locale) {
        return Messages.format(locale, code, args.toArray());
    }

    private static List<String> stringify(Object[] args) {
        return java.util.Arrays.stream(args).map(String::valueOf).toList();
    }
}
