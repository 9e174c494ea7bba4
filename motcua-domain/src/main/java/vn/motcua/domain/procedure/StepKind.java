package vn.motcua.domain.procedure;

import vn.motcua.domain.Labelled;

/**
 * The kinds of step of a procedure's route; the dossier state machine ends a step at its hand-over:
 * RECEPTION at the transfer to processing, PROCESSING at a forward or the submission for approval, APPROVAL at the
 * signing of the result, RETURN when the result is handed back.
 */
public enum StepKind implements Labelled {
    RECEPTION, PROCESSING, APPROVAL, RETURN;

    @Override
    public String labelKey() {
        return "step." + name();
    }
}
