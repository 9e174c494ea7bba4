package vn.motcua.domain;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Base of every error a user can cause in the domain. It carries a message key and its arguments, resolved through the
 * module's message bundles, so the server can show the Vietnamese or the English text without parsing messages.
 * {@link #getMessage()} is the English text (for logs: the arguments never contain personal data).
 */
public abstract class DomainException extends RuntimeException {

    private final String key;
    private final List<Object> args;

    protected DomainException(String key, Object... args) {
        super(key);
        this.key = Objects.requireNonNull(key);
        this.args = List.of(args);
    }

    /** The message-bundle key, e.g. {@code dossier.refused.role}. */
    public String key() {
        return key;
    }

    /** The arguments of the message, in the order the bundle's placeholders use them. */
    public List<Object> args() {
        return args;
    }

    /** The message in the given language (Vietnamese: {@code Locale.forLanguageTag("vi")}). */
    public String message(Locale locale) {
        return DomainMessages.format(locale, key, args.toArray());
    }

    /** The English text, resolved when asked for (refusals are frequent, their messages are not always read). */
    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }

    @Override
    public String getLocalizedMessage() {
        return message(Locale.getDefault());
    }
}
