package vn.motcua.signature.sign;

import java.util.Locale;

/**
 * Signing failed for a reason the caller can act on. {@link #getMessage()} is Vietnamese then English;
 * {@link #message(Locale)} gives one language.
 */
public final class SigningException extends Exception {

    /** Why signing failed. */
    public enum Reason {
        NOT_A_PDF,
        ENCRYPTED_PDF,
        EMPTY_PDF,
        DOCUMENT_LOCKED,
        FIELD_NOT_A_SIGNATURE,
        FIELD_ALREADY_SIGNED,
        CERTIFICATION_FORBIDS_VISIBLE,
        CERTIFICATION_NOT_FIRST,
        KEY_STORE_UNREADABLE,
        WRONG_PASSWORD,
        KEY_NOT_FOUND,
        PKCS11_UNAVAILABLE,
        ALGORITHM_MISMATCH,
        CERTIFICATE_NOT_VALID,
        CERTIFICATE_REVOKED,
        REVOCATION_UNAVAILABLE,
        TIMESTAMP_FAILED,
        SIGNING_FAILED,
        HANDLE_UNKNOWN,
        HANDLE_EXPIRED,
        TOO_MANY_PENDING,
        SIGNATURE_MISMATCH,
        PENDING_STATE_CORRUPT,
        SIGNATURE_TOO_LARGE,
        IMAGE_UNREADABLE,
        FONT_MISSING,
        PAGE_OUT_OF_RANGE,
        IO_ERROR
    }

    private final Reason reason;
    private final transient Object[] args;

    public SigningException(Reason reason, Throwable cause, Object... args) {
        super(Messages.format(Messages.VIETNAMESE, reason, args) + " / " + Messages.format(Locale.ENGLISH, reason, args),
                cause);
        this.reason = reason;
        this.args = args.clone();
    }

    public SigningException(Reason reason, Object... args) {
        this(reason, null, args);
    }

    public Reason reason() {
        return reason;
    }

    /** The message in one language ("vi" or anything else for English). */
    public String message(Locale locale) {
        return Messages.format(locale, reason, args);
    }
}
