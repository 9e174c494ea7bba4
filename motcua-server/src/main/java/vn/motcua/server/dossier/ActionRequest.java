package vn.motcua.server.dossier;

import org.springframework.http.HttpStatus;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.domain.dossier.Action;
import vn.motcua.domain.dossier.ActionType;
import vn.motcua.domain.dossier.Channel;
import vn.motcua.domain.dossier.NoticeChannel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;

/**
 * The body of a transition request. Only the fields the action needs are read: {@code toOfficeId} for a forward,
 * {@code channel} for returning the result, {@code newDueDate} + {@code noticeChannel} for an apology (Form 04).
 *
 * @param expectedVersion the version the client saw; a different current version answers 409 and changes nothing
 */
public record ActionRequest(String note, String toOfficeId, Channel channel, LocalDate newDueDate,
                            NoticeChannel noticeChannel, Integer expectedVersion) {

    public static ActionType type(String pathName) {
        try {
            return ActionType.valueOf(pathName.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new DeskException(HttpStatus.NOT_FOUND, "error.action.unknown", pathName);
        }
    }

    /** Builds the domain action; {@code closing} is the counter's closing time, when a new appointment date falls due. */
    public Action toAction(ActionType type, LocalTime closing) {
        String n = note == null ? "" : note;
        return switch (type) {
            case TRANSFER_TO_PROCESSING -> new Action.TransferToProcessing(n);
            case REFUSE -> new Action.Refuse(n);
            case REQUEST_SUPPLEMENT -> new Action.RequestSupplement(n);
            case SUPPLEMENT_RECEIVED -> new Action.SupplementReceived(n);
            case FORWARD -> new Action.Forward(require(toOfficeId, "toOfficeId"), n);
            case ACCEPT_FORWARDED -> new Action.AcceptForwarded(n);
            case SEND_BACK -> new Action.SendBack(n);
            case RECEIVE_BACK -> new Action.ReceiveBack(n);
            case STOP -> new Action.Stop(n);
            case AWAIT_FINANCIAL_OBLIGATION -> new Action.AwaitFinancialObligation(n);
            case FINANCIAL_OBLIGATION_MET -> new Action.FinancialObligationMet(n);
            case SUBMIT_FOR_APPROVAL -> new Action.SubmitForApproval(n);
            case APPROVE -> new Action.Approve(n);
            case SIGN_RESULT -> new Action.SignResult(n);
            case RETURN_RESULT -> new Action.ReturnResult(require(channel, "channel"), n);
            case WITHDRAW -> new Action.Withdraw(n);
            case APOLOGIZE -> new Action.Apologize(dueAt(require(newDueDate, "newDueDate"), closing),
                    require(noticeChannel, "noticeChannel"), n);
            case ARCHIVE -> new Action.Archive(n);
            // reception has its own form; attaching a document is recorded by the system, not asked for
            case RECEIVE, ATTACH_DOCUMENT ->
                    throw new DeskException(HttpStatus.NOT_FOUND, "error.action.unknown", type.name());
        };
    }

    private static Instant dueAt(LocalDate date, LocalTime closing) {
        return date.atTime(closing).atZone(WorkingCalendar.ZONE).toInstant();
    }

    private static <T> T require(T value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "error.field.required", field);
        }
        return value;
    }
}
