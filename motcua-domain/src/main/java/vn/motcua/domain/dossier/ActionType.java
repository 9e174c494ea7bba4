package vn.motcua.domain.dossier;

import java.util.Set;
import vn.motcua.domain.Labelled;
import vn.motcua.domain.procedure.StepKind;

/** Every step of a dossier's life (DOMAIN.md §4), as recorded in its history (the control slip, Form 05). */
public enum ActionType implements Labelled {
    RECEIVE(Set.of()),
    TRANSFER_TO_PROCESSING(Set.of(StepKind.RECEPTION)),
    REFUSE(Set.of()),
    REQUEST_SUPPLEMENT(Set.of()),
    SUPPLEMENT_RECEIVED(Set.of()),
    FORWARD(Set.of(StepKind.RECEPTION, StepKind.PROCESSING)),
    ACCEPT_FORWARDED(Set.of()),
    SEND_BACK(Set.of()),
    RECEIVE_BACK(Set.of()),
    STOP(Set.of()),
    AWAIT_FINANCIAL_OBLIGATION(Set.of()),
    FINANCIAL_OBLIGATION_MET(Set.of()),
    SUBMIT_FOR_APPROVAL(Set.of(StepKind.PROCESSING)),
    APPROVE(Set.of()),
    SIGN_RESULT(Set.of(StepKind.APPROVAL)),
    RETURN_RESULT(Set.of(StepKind.RETURN)),
    WITHDRAW(Set.of()),
    APOLOGIZE(Set.of()),
    ARCHIVE(Set.of()),
    /** A document was added to an open dossier outside the desk (e.g. from Alfresco Share): history only, no change. */
    ATTACH_DOCUMENT(Set.of());

    private final Set<StepKind> ends;

    ActionType(Set<StepKind> ends) {
        this.ends = ends;
    }

    /** The route steps this action hands over (ends), when the dossier is at such a step. */
    public Set<StepKind> ends() {
        return ends;
    }

    @Override
    public String labelKey() {
        return "action." + name();
    }
}
