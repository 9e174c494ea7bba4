package vn.motcua.domain.dossier;

import java.time.Instant;
import java.util.Objects;

/**
 * What an officer asks the {@link DossierLifecycle} to do to a dossier (reception excepted: see {@link Reception}).
 * Every action carries a note for the history; refusal, stop and withdrawal carry their reasons in it.
 */
public sealed interface Action {

    ActionType type();

    String note();

    /** Reception hands the accepted dossier to the processing unit (Form 05 hand-over). */
    record TransferToProcessing(String note) implements Action {
        public ActionType type() {
            return ActionType.TRANSFER_TO_PROCESSING;
        }
    }

    /** Refusal with reasons (Form 03) after reception. */
    record Refuse(String note) implements Action {
        public ActionType type() {
            return ActionType.REFUSE;
        }
    }

    record RequestSupplement(String note) implements Action {
        public ActionType type() {
            return ActionType.REQUEST_SUPPLEMENT;
        }
    }

    record SupplementReceived(String note) implements Action {
        public ActionType type() {
            return ActionType.SUPPLEMENT_RECEIVED;
        }
    }

    /** Liên thông: send the dossier to another office (by its id in the office directory). */
    record Forward(String toOfficeId, String note) implements Action {
        public Forward {
            Objects.requireNonNull(toOfficeId, "toOfficeId");
        }

        public ActionType type() {
            return ActionType.FORWARD;
        }
    }

    /** The office a dossier was forwarded to takes it in. */
    record AcceptForwarded(String note) implements Action {
        public ActionType type() {
            return ActionType.ACCEPT_FORWARDED;
        }
    }

    /** The office a dossier was forwarded to sends it back to the office that forwarded it. */
    record SendBack(String note) implements Action {
        public ActionType type() {
            return ActionType.SEND_BACK;
        }
    }

    /** The office that forwarded a dossier receives it back. */
    record ReceiveBack(String note) implements Action {
        public ActionType type() {
            return ActionType.RECEIVE_BACK;
        }
    }

    record Stop(String note) implements Action {
        public ActionType type() {
            return ActionType.STOP;
        }
    }

    record AwaitFinancialObligation(String note) implements Action {
        public ActionType type() {
            return ActionType.AWAIT_FINANCIAL_OBLIGATION;
        }
    }

    record FinancialObligationMet(String note) implements Action {
        public ActionType type() {
            return ActionType.FINANCIAL_OBLIGATION_MET;
        }
    }

    record SubmitForApproval(String note) implements Action {
        public ActionType type() {
            return ActionType.SUBMIT_FOR_APPROVAL;
        }
    }

    record Approve(String note) implements Action {
        public ActionType type() {
            return ActionType.APPROVE;
        }
    }

    /** A leader signs a result document; it gets the next result code {@code <dossier code>-KQ<n>}. */
    record SignResult(String note) implements Action {
        public ActionType type() {
            return ActionType.SIGN_RESULT;
        }
    }

    record ReturnResult(Channel channel, String note) implements Action {
        public ReturnResult {
            Objects.requireNonNull(channel, "channel");
        }

        public ActionType type() {
            return ActionType.RETURN_RESULT;
        }
    }

    record Withdraw(String note) implements Action {
        public ActionType type() {
            return ActionType.WITHDRAW;
        }
    }

    /** Apology with a new appointment date (Form 04): before the dossier goes late, and only to a later date. */
    record Apologize(Instant newDueAt, NoticeChannel channel, String note) implements Action {
        public Apologize {
            Objects.requireNonNull(newDueAt, "newDueAt");
            Objects.requireNonNull(channel, "channel");
        }

        public ActionType type() {
            return ActionType.APOLOGIZE;
        }
    }

    record Archive(String note) implements Action {
        public ActionType type() {
            return ActionType.ARCHIVE;
        }
    }

    /**
     * A document was attached to an open dossier from outside the desk (a file added in Alfresco Share): recorded in the
     * history with the note (file name, source), nothing else changes; the note is required.
     */
    record AttachDocument(String note) implements Action {
        public ActionType type() {
            return ActionType.ATTACH_DOCUMENT;
        }
    }
}
