package vn.motcua.server.report;

import vn.motcua.domain.dossier.ActionType;
import vn.motcua.domain.dossier.HistoryEntry;
import vn.motcua.server.dossier.StoredDossier;

import java.time.Instant;
import java.util.Locale;

/**
 * One dossier in a drill-down list or a line of the tracking book (Form 06): no ID or phone number, only what the book
 * shows.
 */
public record DossierLine(long id, String code, String procedure, String applicantName, String address, String state,
                          String receivingOffice, String currentOffice, Instant receivedAt, Instant dueAt,
                          Instant transferredAt, Instant resolvedAt, Instant returnedAt) {

    public static DossierLine of(StoredDossier s, Locale locale) {
        var d = s.dossier();
        return new DossierLine(s.id(), s.code(), d.procedure().name(locale), s.applicant().name(),
                s.applicant().address(), d.state().name(), d.receivingOfficeId(), d.currentOfficeId(), d.receivedAt(),
                d.dueAt().orElse(null), first(s, ActionType.TRANSFER_TO_PROCESSING), first(s, ActionType.SIGN_RESULT),
                first(s, ActionType.RETURN_RESULT));
    }

    private static Instant first(StoredDossier s, ActionType action) {
        return s.dossier().history().stream().filter(e -> e.action() == action).map(HistoryEntry::at).findFirst()
                .orElse(null);
    }
}
