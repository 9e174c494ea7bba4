package vn.motcua.domain.dossier;

/** Why the lifecycle refused a reception or a transition; each has a message key in both bundles. */
public enum RefusalReason {
    /** The action is not allowed in the dossier's state. Args: action, state. */
    STATE("dossier.refused.state"),
    /** The actor's role may not do this. Args: role, action. */
    ROLE("dossier.refused.role"),
    /** The actor does not work for the office holding the dossier. Args: actor office, holding office. */
    OFFICE("dossier.refused.office"),
    /** The action is dated before the dossier's last history entry. Args: at, last entry at. */
    TIME_ORDER("dossier.refused.timeOrder"),
    /** Refusal, stop: the reasons are mandatory. Args: action. */
    REASON_REQUIRED("dossier.refused.reasonRequired"),
    /** Forward to an office that does not exist on that date. Args: office id. */
    UNKNOWN_OFFICE("dossier.refused.unknownOffice"),
    /** Forward to the office that already holds the dossier. Args: office id. */
    SAME_OFFICE("dossier.refused.sameOffice"),
    /** Forward to an office the dossier came from: it must be sent back instead. Args: office id. */
    FORWARD_LOOP("dossier.refused.forwardLoop"),
    /** Send back a dossier that was not forwarded. */
    NOT_FORWARDED("dossier.refused.notForwarded"),
    /** Return the result while another office still holds the dossier. Args: office that must return it. */
    STILL_FORWARDED("dossier.refused.stillForwarded"),
    /** Apology while the clock is stopped. */
    PAUSED("dossier.refused.paused"),
    /** Apology after the dossier went late. Args: due date. */
    ALREADY_LATE("dossier.refused.alreadyLate"),
    /** Apology whose new date is not after the current due date. Args: new date, due date. */
    NEW_DATE_NOT_LATER("dossier.refused.newDateNotLater"),
    /** Reception: the procedure version is not in force on the reception date. Args: code, date. */
    PROCEDURE_NOT_VALID("reception.refused.procedureNotValid"),
    /** Reception: the office does not exist on the reception date. Args: office id, date. */
    OFFICE_NOT_VALID("reception.refused.officeNotValid"),
    /** Reception: this procedure is not received at this office's level. Args: office level, expected level. */
    WRONG_LEVEL("reception.refused.wrongLevel"),
    /** Reception: the dossier code does not belong to this office and day. Args: code. */
    CODE_MISMATCH("reception.refused.codeMismatch"),
    /** Reception: accepted while mandatory components are missing. Args: the missing components. */
    MISSING_COMPONENTS("reception.refused.missingComponents"),
    /** Reception: incomplete without anything missing and without guidance. */
    GUIDANCE_EMPTY("reception.refused.guidanceEmpty"),
    /** Reception: a component key the procedure does not have. Args: key. */
    UNKNOWN_COMPONENT("reception.refused.unknownComponent");

    private final String key;

    RefusalReason(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
