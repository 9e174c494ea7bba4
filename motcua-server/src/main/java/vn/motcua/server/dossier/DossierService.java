package vn.motcua.server.dossier;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.domain.code.ResultCode;
import vn.motcua.domain.dossier.Action;
import vn.motcua.domain.dossier.ActionType;
import vn.motcua.domain.dossier.Dossier;
import vn.motcua.domain.dossier.DossierLifecycle;
import vn.motcua.domain.dossier.DossierState;
import vn.motcua.domain.office.Actor;
import vn.motcua.domain.office.Role;
import vn.motcua.server.audit.AuditLog;
import vn.motcua.server.document.DocumentKind;
import vn.motcua.server.document.DocumentService;
import vn.motcua.server.document.ResultSigner;
import vn.motcua.server.document.StoredDocument;
import vn.motcua.server.notification.Notifier;
import vn.motcua.server.security.DeskUser;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything an officer does to an existing dossier, with the office scoping: a dossier is visible only to the offices that
 * received, hold or held it, and anything else is answered as "not found". Each action runs in one transaction — domain
 * transition, optimistic version check, history rows, documents, audit, notifications — so it is applied whole or not at all.
 */
@Service
public class DossierService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DossierService.class);

    private final DossierRepository dossiers;
    // The calendar in force (administrators edit it at run time), read on every call.
    private final vn.motcua.server.admin.LiveCalendar live;
    private final DocumentService documents;
    private final ResultSigner signer;
    private final AuditLog audit;
    private final Notifier notifier;
    private final TransactionTemplate tx;
    private final Clock clock;

    public DossierService(DossierRepository dossiers, vn.motcua.server.admin.LiveCalendar live, DocumentService documents,
                          ResultSigner signer, AuditLog audit, Notifier notifier, TransactionTemplate tx, Clock clock) {
        this.dossiers = dossiers;
        this.live = live;
        this.documents = documents;
        this.signer = signer;
        this.audit = audit;
        this.notifier = notifier;
        this.tx = tx;
        this.clock = clock;
    }

    /** Filters of a worklist. */
    public record Filter(Optional<DossierState> state, Optional<String> procedureCode, Optional<String> code,
                         boolean heldOnly, int limit) {
        public static Filter all() {
            return new Filter(Optional.empty(), Optional.empty(), Optional.empty(), false, 500);
        }
    }

    public StoredDossier get(DeskUser user, long id) {
        StoredDossier d = dossiers.findById(id).orElseThrow(DeskException::notFound);
        if (!visibleTo(user, d.dossier())) {
            throw DeskException.notFound();
        }
        return d;
    }

    public List<StoredDossier> list(DeskUser user, Filter f) {
        return dossiers.list(user.officeId(), f.state(), f.procedureCode(), f.code(), f.heldOnly(),
                Math.max(1, Math.min(f.limit(), 1000)));
    }

    public Map<String, Long> counts(DeskUser user) {
        return dossiers.countsByState(user.officeId());
    }

    public static boolean visibleTo(DeskUser user, Dossier d) {
        String office = user.officeId();
        return d.receivingOfficeId().equals(office) || d.currentOfficeId().equals(office)
                || d.history().stream().anyMatch(e -> e.officeId().equals(office) || e.heldByOfficeId().equals(office));
    }

    public Set<ActionType> allowedActions(DeskUser user, Dossier d) {
        Set<ActionType> allowed = java.util.EnumSet.noneOf(ActionType.class);
        Instant now = clock.instant();
        for (Role role : user.roles()) {
            allowed.addAll(live.lifecycle().allowedActions(d, new Actor(user.username(), role, user.officeId()), now));
        }
        // recorded by the system when a document arrives from outside the desk, never offered as a button
        allowed.remove(ActionType.ATTACH_DOCUMENT);
        return allowed;
    }

    /** Who attached a document from outside the desk, and the history note saying what and from where. */
    public record Attribution(Actor actor, String note) {
    }

    /**
     * Records in the dossier's history that a document arrived from outside the desk (a file added in Alfresco Share),
     * in the caller's transaction if there is one. Who did it, and the note, are chosen from the dossier as it is then
     * ({@code attribute}: the holding office may have changed).
     * Optimistic like {@link #act}: if another action moved the dossier in between, it is read again and tried once more.
     * Empty when the dossier does not exist, the lifecycle refuses (e.g. it is closed: the document is kept, the history is
     * not) or the second attempt conflicts too; nothing is thrown, so the caller's transaction is not spoilt.
     */
    public Optional<StoredDossier> recordAttachment(long id, java.util.function.Function<Dossier, Attribution> attribute) {
        return tx.execute(status -> {
            for (int attempt = 0; attempt < 2; attempt++) {
                Optional<StoredDossier> current = dossiers.findById(id);
                if (current.isEmpty()) {
                    return Optional.<StoredDossier>empty();
                }
                Dossier before = current.get().dossier();
                Instant now = clock.instant();
                Attribution by = attribute.apply(before);
                Dossier after;
                try {
                    after = live.lifecycle().apply(before, new Action.AttachDocument(by.note()), by.actor(), now);
                } catch (vn.motcua.domain.dossier.TransitionRefusedException refused) {
                    log.info("Dossier {}: document not added to the history: {}", before.code().value(),
                            refused.getMessage());
                    return Optional.<StoredDossier>empty();
                }
                if (dossiers.update(id, before.version(), after, now)) {
                    audit.record(after.lastEntry().userId(), "dossier." + ActionType.ATTACH_DOCUMENT.name(),
                            after.code().value(), "version " + after.version() + " office " + after.currentOfficeId());
                    return Optional.of(new StoredDossier(id, after, current.get().applicant()));
                }
            }
            log.warn("Dossier {}: document not added to the history: the dossier kept changing", id);
            return Optional.<StoredDossier>empty();
        });
    }

    /**
     * Applies an action. {@code expectedVersion}, when given, is the version the officer saw: if the dossier moved since,
     * the answer is a 409 conflict and nothing changes. {@code draft} is a result draft attached by a specialist.
     */
    public StoredDossier act(DeskUser user, long id, Optional<Integer> expectedVersion, Action action,
                             Optional<DocumentService.Upload> draft) {
        return tx.execute(status -> {
            StoredDossier current = get(user, id);
            Dossier before = current.dossier();
            if (expectedVersion.isPresent() && expectedVersion.get() != before.version()) {
                throw DeskException.staleVersion(expectedVersion.get(), before.version());
            }
            Instant now = clock.instant();
            Dossier after = live.lifecycle().apply(before, action, actorFor(user, action.type()), now);
            if (!dossiers.update(id, before.version(), after, now)) {
                throw DeskException.staleVersion(before.version(), before.version() + 1);
            }
            draft.ifPresent(u -> documents.record(id, DocumentKind.DRAFT, u, null, false, user.username(), now));
            if (action.type() == ActionType.SIGN_RESULT) {
                signResult(user, current, after, now);
            }
            audit.record(user.username(), "dossier." + action.type().name(), after.code().value(),
                    "version " + after.version() + " state " + after.state() + " office " + after.currentOfficeId());
            notifyAbout(action, after);
            return new StoredDossier(id, after, current.applicant());
        });
    }

    private void signResult(DeskUser user, StoredDossier current, Dossier after, Instant now) {
        ResultCode code = after.results().get(after.results().size() - 1);
        Optional<StoredDocument> draft = documents.forDossier(current.id()).stream()
                .filter(d -> d.kind() == DocumentKind.DRAFT)
                .max(Comparator.comparingLong(StoredDocument::id));
        if (draft.isPresent()) {
            ResultSigner.SignedResult signed = signer.sign(documents.read(draft.get()), code.value(), user.username(), now);
            DocumentService.Upload upload = documents.accept(null, code.value() + ".pdf", signed.pdf());
            documents.record(current.id(), DocumentKind.RESULT, upload, code.value(), signed.signed(), user.username(), now);
        }
    }

    private void notifyAbout(Action action, Dossier after) {
        String code = after.code().value();
        switch (action.type()) {
            case SIGN_RESULT -> notifier.notify(Notifier.Kind.RESULT_READY, code, after.receivingOfficeId(),
                    after.results().get(after.results().size() - 1).value());
            case APOLOGIZE -> notifier.notify(Notifier.Kind.APOLOGY_SENT, code, after.currentOfficeId(),
                    ((Action.Apologize) action).newDueAt().toString());
            default -> {
            }
        }
    }

    /** The role the user acts in: their only role, or the first of theirs the action allows. */
    static Actor actorFor(DeskUser user, ActionType type) {
        Set<Role> allowed = DossierLifecycle.rolesAllowed(type);
        Role role = user.roles().stream().filter(allowed::contains).findFirst()
                .orElseGet(() -> user.roles().stream().findFirst()
                        .orElseThrow(() -> new DeskException(HttpStatus.FORBIDDEN, "error.forbidden")));
        return new Actor(user.username(), role, user.officeId());
    }

    /** Records a download in the audit log and returns the document if the user may see its dossier. */
    public StoredDocument document(DeskUser user, long documentId) {
        StoredDocument doc = documents.find(documentId).orElseThrow(DeskException::notFound);
        StoredDossier d = dossiers.findById(doc.dossierId()).orElseThrow(DeskException::notFound);
        if (!visibleTo(user, d.dossier())) {
            throw DeskException.notFound();
        }
        audit.record(user.username(), "document.download", d.code(), "document " + doc.id() + " " + doc.sha256());
        return doc;
    }
}
