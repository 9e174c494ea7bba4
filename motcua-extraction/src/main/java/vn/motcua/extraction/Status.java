package vn.motcua.extraction;

/** Outcome of one extraction. Anything but {@link #OK} comes with empty text and an empty header. */
public enum Status {
    OK,
    /** No parser for the detected format (images, archives, unknown bytes). */
    UNSUPPORTED,
    /** Password-protected or encrypted; nothing can be read without the password. */
    ENCRYPTED,
    /** Larger than the input limit, or expands beyond Tika's zip-bomb guards. */
    TOO_LARGE,
    /** The time budget ran out; the parse was cancelled. */
    TIMED_OUT,
    /** Empty, truncated or malformed file. */
    DAMAGED
}
