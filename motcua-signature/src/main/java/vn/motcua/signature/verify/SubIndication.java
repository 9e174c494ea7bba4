package vn.motcua.signature.verify;

/**
 * Why a signature is not VALID. Names follow ETSI EN 319 102-1 where ETSI has one; {@link #MODIFIED_AFTER_SIGNING} and
 * {@link #NO_SIGNATURE_FOUND} are ours (ETSI folds the first into FORMAT_FAILURE).
 */
public enum SubIndication {
    FORMAT_FAILURE(Verdict.INVALID),
    HASH_FAILURE(Verdict.INVALID),
    SIG_CRYPTO_FAILURE(Verdict.INVALID),
    MODIFIED_AFTER_SIGNING(Verdict.INVALID),
    REVOKED(Verdict.INVALID),
    SIG_CONSTRAINTS_FAILURE(Verdict.INVALID),
    CRYPTO_CONSTRAINTS_FAILURE(Verdict.INVALID),
    NO_SIGNING_CERTIFICATE_FOUND(Verdict.INDETERMINATE),
    NO_CERTIFICATE_CHAIN_FOUND(Verdict.INDETERMINATE),
    CERTIFICATE_CHAIN_GENERAL_FAILURE(Verdict.INDETERMINATE),
    CHAIN_CONSTRAINTS_FAILURE(Verdict.INDETERMINATE),
    OUT_OF_BOUNDS_NO_POE(Verdict.INDETERMINATE),
    EXPIRED(Verdict.INDETERMINATE),
    NOT_YET_VALID(Verdict.INDETERMINATE),
    REVOKED_NO_POE(Verdict.INDETERMINATE),
    TRY_LATER(Verdict.INDETERMINATE),
    NO_SIGNATURE_FOUND(Verdict.INDETERMINATE);

    private final Verdict verdict;

    SubIndication(Verdict verdict) {
        this.verdict = verdict;
    }

    /** The main indication this sub-indication implies. */
    public Verdict verdict() {
        return verdict;
    }
}
