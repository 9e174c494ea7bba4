package vn.motcua.server.report;

import vn.motcua.domain.dossier.ActionType;
import vn.motcua.domain.dossier.HistoryEntry;
import vn.motcua.domain.dossier.Verdict;
import vn.motcua.server.dossier.StoredDossier;

import java.time.Instant;
import java.util.Locale;

/**
 * One dossier in a drill-down list or a line of the tracking book (Form 06): no ID or phone number, only what the book
 * shows. {@code verdict} is how the first signed result finished against the due date then in force (the report's
 * early / on time / late), null while unresolved.
 */
public record DossierLine(long id, String code, String procedure, String applicantName, String address, String state,
                          String receivingOffice, String currentOffice, Instant receivedAt, Instant dueAt,
                          Instant transferredAt, Instant resolvedAt, Instant returnedAt, Verdict verdict) {

    public static DossierLine of(StoredDossier s, Locale locale) {
        var d = s.dossier();
        HistoryEntry signed = first(s, ActionType.SIGN_RESULT);
        return new DossierLine(s.id(), s.code(), d.procedure().name(locale), s.applicant().name(),
                s.applicant().address(), d.state().name(), d.receivingOfficeId(), d.currentOfficeId(), d.receivedAt(),
                d.dueAt().orElse(null), at(first(s, ActionType.TRANSFER_TO_PROCESSING)), at(signed),
                at(first(s, ActionType.RETURN_RESULT)),
                // Same judgement as Reports.compute: the signing time against the due date in force after signing.
                signed == null ? null : signed.dueAt().map(due -> Verdict.judge(signed.at(), due)).orElse(null));
    }

    private static HistoryEntry first(StoredDossier s, ActionType action) {
        return s.dossier().history().stream().filter(e -> e.action() == action).findFirst().orElse(null);
    }

    private static Instant at(HistoryEntry e) {
        return e == null ? null : e.at();
    }
}
