package vn.motcua.signature.verify;

/** Overall outcome; the ETSI EN 319 102-1 main indication is {@link #etsiName()}. */
public enum Verdict {
    VALID("TOTAL_PASSED"),
    INVALID("TOTAL_FAILED"),
    INDETERMINATE("INDETERMINATE");

    private final String etsiName;

    Verdict(String etsiName) {
        this.etsiName = etsiName;
    }

    public String etsiName() {
        return etsiName;
    }

    /** The worse of two verdicts: INVALID beats INDETERMINATE beats VALID. */
    public Verdict worst(Verdict other) {
        return other.severity() > severity() ? other : this;
    }

    private int severity() {
        return switch (this) {
            case VALID -> 0;
            case INDETERMINATE -> 1;
            case INVALID -> 2;
        };
    }
}
