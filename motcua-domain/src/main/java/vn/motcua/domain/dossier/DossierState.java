package vn.motcua.domain.dossier;

import vn.motcua.domain.Labelled;

/**
 * States of a dossier. Open states move by the transition table of {@link DossierLifecycle}; closed states (a dossier
 * that is finished one way or another) only move to {@link #ARCHIVED}, which is terminal.
 */
public enum DossierState implements Labelled {
    /** Accepted at reception, Form 01 issued, at the reception desk. */
    RECEIVED(false),
    /** At the processing unit of the office that holds it. */
    IN_PROCESSING(false),
    /** Sent to another office (liên thông), not yet taken in there. */
    FORWARDED(false),
    /** Sent back by the other office, not yet taken in by the office that forwarded it. */
    SENT_BACK(false),
    /** The applicant was asked for a supplement; the clock stops if the procedure says so. */
    AWAITING_SUPPLEMENT(false),
    /** Waiting for the applicant's financial obligation (taxes, fees); the clock stops. */
    AWAITING_FINANCIAL_OBLIGATION(false),
    AWAITING_APPROVAL(false),
    APPROVED(false),
    /** A leader signed the result (result code assigned); it waits to be handed back. */
    RESULT_SIGNED(false),
    /** Closed: the result was handed back. */
    RETURNED(true),
    /** Closed: incomplete at reception, guidance given (Form 02); the applicant comes back with a new dossier. */
    INCOMPLETE(true),
    /** Closed: refused, at reception (Form 03) or during processing, with reasons. */
    REFUSED(true),
    /** Closed: processing stopped (dừng xử lý). */
    STOPPED(true),
    /** Closed: the applicant withdrew the dossier. */
    WITHDRAWN(true),
    /** Filed in the archive with its retention period. Terminal. */
    ARCHIVED(true);

    private final boolean closed;

    DossierState(boolean closed) {
        this.closed = closed;
    }

    /** True for final states: nothing leaves them except archiving (and nothing leaves {@link #ARCHIVED}). */
    public boolean isFinal() {
        return closed;
    }

    @Override
    public String labelKey() {
        return "state." + name();
    }
}
