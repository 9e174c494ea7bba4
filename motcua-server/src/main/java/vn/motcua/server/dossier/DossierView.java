package vn.motcua.server.dossier;

import vn.motcua.domain.DomainMessages;
import vn.motcua.domain.code.ResultCode;
import vn.motcua.domain.dossier.ActionType;
import vn.motcua.domain.dossier.Dossier;
import vn.motcua.domain.dossier.HistoryEntry;
import vn.motcua.server.document.StoredDocument;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The JSON of a dossier for officers of an office that may see it (applicant included: they need it to work). */
public record DossierView(long id, String code, String procedureCode, int procedureVersion, String procedureName,
                          String state, String stateLabel, String channel, String receivingOfficeId, String currentOfficeId,
                          Instant receivedAt, Instant dueAt, boolean overdue, boolean clockPaused, int version,
                          List<String> results, List<String> missingComponents, Applicant applicant,
                          List<History> history, List<Document> documents, Set<ActionType> allowedActions) {

    public record History(int sequence, String action, String actionLabel, String from, String to, String userId,
                          String role, String officeId, String heldByOfficeId, Instant at, String note, String detail, String step,
                          Instant stepDeadline, String verdict, Instant dueAt) {
    }

    public record Document(long id, String kind, String component, String resultCode, String fileName, String mediaType,
                           long size, String sha256, String signatureBadge, String signatureText, boolean signed,
                           java.util.Map<String, String> metadata) {
    }

    public static DossierView of(StoredDossier s, List<StoredDocument> docs, Set<ActionType> allowed, Instant now,
                                 Locale locale) {
        Dossier d = s.dossier();
        return new DossierView(s.id(), d.code().value(), d.procedure().nationalCode(), d.procedure().version(),
                d.procedure().name(locale), d.state().name(), DomainMessages.format(locale, d.state().labelKey()),
                d.channel().name(), d.receivingOfficeId(), d.currentOfficeId(), d.receivedAt(), d.dueAt().orElse(null),
                d.isOverdue(now), d.isPaused(), d.version(), d.results().stream().map(ResultCode::value).toList(),
                d.missingComponents(), s.applicant(), d.history().stream().map(e -> history(e, locale)).toList(),
                docs.stream().map(DossierView::document).toList(), allowed);
    }

    private static History history(HistoryEntry e, Locale locale) {
        return new History(e.sequence(), e.action().name(), DomainMessages.format(locale, e.action().labelKey()),
                e.from().map(Enum::name).orElse(null), e.to().name(), e.userId(), e.role().name(), e.officeId(),
                e.heldByOfficeId(), e.at(), e.note(), e.detail().orElse(null), e.step().map(Enum::name).orElse(null),
                e.stepDeadline().orElse(null), e.verdict().map(Enum::name).orElse(null), e.dueAt().orElse(null));
    }

    private static Document document(StoredDocument d) {
        return new Document(d.id(), d.kind().name(), d.component(), d.resultCode(), d.fileName(), d.mediaType(), d.size(),
                d.sha256(), d.signatureBadge().name(), d.signatureText(), d.signed(), d.metadata());
    }
}
