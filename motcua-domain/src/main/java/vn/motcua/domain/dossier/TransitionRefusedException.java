package vn.motcua.domain.dossier;

import vn.motcua.domain.DomainException;

/** A reception or transition the rules do not allow; the dossier is unchanged. The server answers 409/422 with it. */
public final class TransitionRefusedException extends DomainException {

    private final RefusalReason reason;

    public TransitionRefusedException(RefusalReason reason, Object... args) {
        super(reason.key(), args);
        this.reason = reason;
    }

    public RefusalReason reason() {
        return reason;
    }
}
