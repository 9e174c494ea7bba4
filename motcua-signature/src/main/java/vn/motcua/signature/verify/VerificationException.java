package vn.motcua.signature.verify;

import java.util.Locale;

/** The input cannot be read as a PDF or CMS at all (CLI exit code 3). The message is English; see {@link #message}. */
public class VerificationException extends Exception {
    private final String code;
    private final Object[] args;

    public VerificationException(String code, Throwable cause, Object... args) {
        super(Messages.format(Locale.ENGLISH, code, args), cause);
        this.code = code;
        this.args = args.clone();
    }

    public String code() {
        return code;
    }

    /** The message in the given language (Vietnamese or English). */
    public String message(Locale locale) {
        return Messages.format(locale, code, args);
    }
}
