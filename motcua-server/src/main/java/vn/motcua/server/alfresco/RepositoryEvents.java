package vn.motcua.server.alfresco;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.domain.DomainMessages;
import vn.motcua.domain.dossier.ActionType;
import vn.motcua.domain.dossier.Dossier;
import vn.motcua.domain.dossier.DossierLifecycle;
import vn.motcua.domain.office.Actor;
import vn.motcua.domain.office.Role;
import vn.motcua.server.audit.AuditLog;
import vn.motcua.server.document.DocumentKind;
import vn.motcua.server.document.DocumentService;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.server.dossier.DossierService;
import vn.motcua.server.dossier.DossierService.Attribution;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Files added to a dossier folder from Share (or any Alfresco client) become documents of the dossier: a node Created —
 * or Updated with new content, or moved in — whose primary parent is a mirrored dossier folder is downloaded, checked and
 * inspected like an upload at the desk (the {@link vn.motcua.server.document.DocumentInspector} seam verifies signatures
 * and extracts the header), recorded against the dossier, noted in the audit trail and added to the dossier's history (the
 * control slip) as {@link ActionType#ATTACH_DOCUMENT} through {@link DossierService}. The history line is signed by the
 * Share user when their {@code GROUP_MC_<office>_<ROLE>} groups make them an officer of the office holding the dossier;
 * otherwise by the service account in that office's name, and the note says so. Delivery is at least once and not
 * ordered: an event id is applied once, and an event older than what was already applied for the node is ignored. The
 * server's own uploads are recognised by their node id and skipped.
 */
class RepositoryEvents {

    private static final Logger log = LoggerFactory.getLogger(RepositoryEvents.class);
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** What became of one event (for tests and the log). */
    enum Outcome { ATTACHED, DUPLICATE, STALE, OURS, NOT_IN_A_DOSSIER, IGNORED, REFUSED }

    /** The role the service account records in when the Share user is no officer of the holding office. */
    static final Role SERVICE_ROLE = Role.RECEPTION;

    private final AlfrescoClient alfresco;
    private final AlfrescoClient.Basic service;
    private final DocumentService documents;
    private final DossierService dossiers;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    RepositoryEvents(AlfrescoClient alfresco, AlfrescoClient.Basic service, DocumentService documents,
                     DossierService dossiers, AuditLog audit, JdbcClient jdbc, TransactionTemplate tx) {
        this.alfresco = alfresco;
        this.service = service;
        this.documents = documents;
        this.dossiers = dossiers;
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Handles one message body; a malformed one is logged and dropped (redelivering it would not help). */
    Outcome handle(String message) {
        RepoEvent event;
        try {
            event = JSON.readValue(message, RepoEvent.class);
        } catch (JacksonException e) {
            log.warn("Dropped an unreadable repository event: {}", e.getOriginalMessage());
            return Outcome.IGNORED;
        }
        return handle(event);
    }

    Outcome handle(RepoEvent event) {
        if (event.id() == null || event.data() == null || event.data().resource() == null
                || !(RepoEvent.NODE_CREATED.equals(event.type()) || RepoEvent.NODE_UPDATED.equals(event.type()))) {
            return Outcome.IGNORED;
        }
        RepoEvent.NodeResource node = event.data().resource();
        if (!Boolean.TRUE.equals(node.isFile()) || node.id() == null || node.parentId() == null) {
            return Outcome.IGNORED;
        }
        Optional<Long> dossierId = jdbc.sql("select dossier_id from alfresco_dossier_node where node_id = ?")
                .param(node.parentId()).query(Long.class).optional();
        if (dossierId.isEmpty()) {
            return Outcome.NOT_IN_A_DOSSIER;
        }
        Outcome outcome = tx.execute(status -> apply(event, node, dossierId.get()));
        log.info("Repository event {} ({}) for node {}: {}", event.id(), event.type(), node.id(), outcome);
        return outcome;
    }

    private Outcome apply(RepoEvent event, RepoEvent.NodeResource node, long dossierId) {
        int fresh = jdbc.sql("insert into alfresco_event (event_id, node_id) values (?, ?) on conflict do nothing")
                .params(event.id(), node.id()).update();
        if (fresh == 0) {
            return Outcome.DUPLICATE;
        }
        if (jdbc.sql("""
                        select count(*) from alfresco_document_node d where d.node_id = ?
                          and not exists (select 1 from alfresco_share_document s where s.node_id = d.node_id)""")
                .param(node.id()).query(Integer.class).single() > 0) {
            return Outcome.OURS;
        }
        OffsetDateTime modified = node.modifiedAt() != null ? node.modifiedAt() : event.time();
        Optional<OffsetDateTime> applied = jdbc.sql("select max(modified_at) from alfresco_share_document where node_id = ?")
                .param(node.id()).query(OffsetDateTime.class).optional();
        boolean known = applied.isPresent();
        if (known && modified != null && !modified.isAfter(applied.get())) {
            return Outcome.STALE;
        }
        boolean contentChanged = RepoEvent.NODE_CREATED.equals(event.type()) || !known
                || (event.data().resourceBefore() != null && event.data().resourceBefore().content() != null);
        if (!contentChanged) {
            return Outcome.IGNORED;
        }
        byte[] bytes = alfresco.content(service, node.id());
        DocumentService.Upload upload;
        try {
            upload = documents.accept(null, node.name(), bytes);
        } catch (DeskException refused) {
            log.warn("A file added in Alfresco to dossier {} was not attached: {}", dossierId, refused.getMessage());
            return Outcome.REFUSED;
        }
        String user = node.modifiedByUser() != null ? node.modifiedByUser().id()
                : node.createdByUser() != null ? node.createdByUser().id() : "alfresco";
        Instant at = modified != null ? modified.toInstant() : Instant.now();
        long documentId = documents.record(dossierId, DocumentKind.COMPONENT, upload, null, false, user, at);
        // The file already lives in Alfresco: the outbox must not upload it again.
        jdbc.sql("insert into alfresco_document_node (document_id, node_id, sha256) values (?, ?, ?)")
                .params(documentId, node.id(), upload.content().sha256()).update();
        jdbc.sql("insert into alfresco_share_document (node_id, document_id, modified_at) values (?, ?, ?)")
                .params(node.id(), documentId, modified).update();
        String code = jdbc.sql("select code from dossier where id = ?").param(dossierId).query(String.class).single();
        audit.record(user, "document.ALFRESCO", code, "document " + documentId + " node " + node.id() + " "
                + upload.inspection().signature());
        Map<String, Set<Role>> offices = officesOf(user);
        if (dossiers.recordAttachment(dossierId, d -> attribution(d, user, offices, node.name())).isEmpty()) {
            log.warn("The file added in Alfresco to dossier {} is attached but not in its history", code);
        }
        return Outcome.ATTACHED;
    }

    /** The offices, with the roles in each, that the Share user's GROUP_MC_ groups give; none if Alfresco cannot say. */
    private Map<String, Set<Role>> officesOf(String user) {
        List<String> groups;
        try {
            groups = alfresco.groupsOf(service, user);
        } catch (RuntimeException e) {
            log.warn("Groups of Alfresco user {} unknown ({}): the service account signs the history line", user,
                    e.getMessage());
            return Map.of();
        }
        Map<String, Set<Role>> offices = new java.util.HashMap<>();
        for (String group : groups) {
            OfficeSites.parseGroup(group).ifPresent(g ->
                    offices.computeIfAbsent(g.getKey(), k -> EnumSet.noneOf(Role.class)).add(g.getValue()));
        }
        return offices;
    }

    /** The Share user in one of their roles at the holding office, or else the service account in that office's name. */
    private Attribution attribution(Dossier d, String user, Map<String, Set<Role>> offices, String fileName) {
        String office = d.currentOfficeId();
        Set<Role> allowed = DossierLifecycle.rolesAllowed(ActionType.ATTACH_DOCUMENT);
        Optional<Role> role = offices.getOrDefault(office, Set.of()).stream().filter(allowed::contains).sorted()
                .findFirst();
        Locale vi = DomainMessages.VIETNAMESE;
        if (role.isPresent()) {
            return new Attribution(new Actor(user, role.get(), office),
                    DomainMessages.format(vi, "note.ATTACH_DOCUMENT", fileName, user));
        }
        return new Attribution(new Actor(service.userId(), SERVICE_ROLE, office),
                DomainMessages.format(vi, "note.ATTACH_DOCUMENT.serviceAccount", fileName, user));
    }
}
