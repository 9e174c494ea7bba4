package vn.motcua.server.alfresco;

import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.domain.office.Office;
import vn.motcua.server.alfresco.AlfrescoClient.Credentials;
import vn.motcua.server.document.DocumentInspection;
import vn.motcua.server.document.DocumentKind;
import vn.motcua.server.document.DocumentService;
import vn.motcua.server.document.StoredDocument;
import vn.motcua.server.dossier.DossierRepository;
import vn.motcua.server.dossier.StoredDossier;
import vn.motcua.server.office.LiveCatalogue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Carries out one outbox operation against Alfresco as the service account. Each operation makes Alfresco match the
 * server's current data (not a recorded delta), so running it twice, late, or after a crash half-way leaves the same result:
 * the dossier folder is found by its name (the dossier code) before it is created, and a document by its deterministic name
 * before it is uploaded.
 */
class MirrorWriter {

    private final AlfrescoClient alfresco;
    private final Credentials service;
    private final OfficeSites sites;
    private final LiveCatalogue catalogue;
    private final DossierRepository dossiers;
    private final DocumentService documents;
    private final DossierMirror mirror;
    private final JdbcClient jdbc;
    private final Clock clock;

    MirrorWriter(AlfrescoClient alfresco, Credentials service, OfficeSites sites, LiveCatalogue catalogue,
                 DossierRepository dossiers, DocumentService documents, DossierMirror mirror, JdbcClient jdbc, Clock clock) {
        this.alfresco = alfresco;
        this.service = service;
        this.sites = sites;
        this.catalogue = catalogue;
        this.dossiers = dossiers;
        this.documents = documents;
        this.mirror = mirror;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Known(String nodeId, String parentId, int version) {
    }

    /**
     * Creates, updates and moves the dossier's folder: into the holding office's site, in Tiếp nhận / Đang xử lý / Lưu trữ by
     * state. A forwarded dossier therefore moves into the receiving office's site (its groups get access through the site,
     * the sender keeps the server's history), and moves back when it is sent back; an archived one goes to Lưu trữ with
     * {@code mc:archived}.
     */
    void syncDossier(long dossierId) {
        StoredDossier stored = dossiers.findById(dossierId)
                .orElseThrow(() -> new IllegalStateException("dossier " + dossierId + " is gone"));
        Optional<Known> known = jdbc.sql("select node_id, parent_id, synced_version from alfresco_dossier_node where dossier_id = ?")
                .param(dossierId).query((rs, i) -> new Known(rs.getString(1), rs.getString(2), rs.getInt(3))).optional();
        int version = stored.dossier().version();
        if (known.isPresent() && known.get().version() >= version) {
            return;
        }
        DossierMirror.Target target = mirror.of(stored, clock.instant());
        Office office = catalogue.offices().byId(target.officeId())
                .orElseThrow(() -> new IllegalStateException("office " + target.officeId() + " unknown"));
        String parent = sites.ensure(office).folders().get(target.folder());
        String name = stored.code();
        AlfrescoClient.Node node;
        if (known.isEmpty()) {
            Optional<AlfrescoClient.Node> existing = alfresco.node(service, parent, name);
            if (existing.isPresent()) {
                node = alfresco.update(service, existing.get().id(), aspects(existing.get(), target), target.properties());
            } else {
                node = alfresco.createNode(service, parent, name, DossierMirror.TYPE_DOSSIER, target.aspects(),
                        new LinkedHashMap<>(target.properties()));
            }
        } else {
            String nodeId = known.get().nodeId();
            if (!known.get().parentId().equals(parent)) {
                alfresco.move(service, nodeId, parent);
            }
            AlfrescoClient.Node current = alfresco.node(service, nodeId, "")
                    .orElseThrow(() -> new AlfrescoException(404, "dossier folder " + nodeId));
            node = alfresco.update(service, nodeId, aspects(current, target), target.properties());
        }
        jdbc.sql("""
                        insert into alfresco_dossier_node (dossier_id, node_id, parent_id, synced_version) values (?, ?, ?, ?)
                        on conflict (dossier_id) do update set node_id = excluded.node_id, parent_id = excluded.parent_id,
                          synced_version = excluded.synced_version""")
                .params(dossierId, node.id(), parent, version).update();
    }

    /** Keeps the aspects the node has (Alfresco's own, and any added in Share) and adds the ones the dossier needs. */
    private static List<String> aspects(AlfrescoClient.Node node, DossierMirror.Target target) {
        Set<String> all = new LinkedHashSet<>(node.aspectNames());
        all.addAll(target.aspects());
        return new ArrayList<>(all);
    }

    /** Uploads a document into its dossier's folder, typed {@code mc:dossierDocument}, with the server's signature verdict. */
    void uploadDocument(long documentId) {
        boolean done = jdbc.sql("select count(*) from alfresco_document_node where document_id = ?").param(documentId)
                .query(Integer.class).single() > 0;
        if (done) {
            return;
        }
        StoredDocument doc = documents.find(documentId)
                .orElseThrow(() -> new IllegalStateException("document " + documentId + " is gone"));
        String folder = jdbc.sql("select node_id from alfresco_dossier_node where dossier_id = ?").param(doc.dossierId())
                .query(String.class).optional()
                .orElseThrow(() -> new IllegalStateException("the folder of dossier " + doc.dossierId() + " is not mirrored yet"));
        String name = plannedName(doc);
        AlfrescoClient.Node node = alfresco.node(service, folder, name).orElseGet(() -> {
            Map<String, String> properties = new LinkedHashMap<>();
            List<String> aspects = new ArrayList<>();
            if (doc.component() != null) {
                properties.put("mc:componentName", doc.component());
            }
            properties.put("mc:componentRole", doc.kind() == DocumentKind.RESULT ? "RESULT" : "EVIDENCE");
            if (doc.signatureBadge() == DocumentInspection.Badge.GREEN || doc.signatureBadge() == DocumentInspection.Badge.RED) {
                aspects.add("mc:signed");
                properties.put("mc:signatureVerdict", doc.signatureBadge() == DocumentInspection.Badge.GREEN ? "VALID" : "INVALID");
                properties.put("mc:signatureVerifiedAt", doc.uploadedAt().toString());
            }
            return alfresco.upload(service, folder, name, doc.mediaType(), documents.read(doc), DossierMirror.TYPE_DOCUMENT,
                    aspects, properties);
        });
        jdbc.sql("insert into alfresco_document_node (document_id, node_id, sha256) values (?, ?, ?) on conflict do nothing")
                .params(documentId, node.id(), doc.sha256()).update();
    }

    /**
     * The file's own name, unless another document of the dossier has the same one: then the document id is added before
     * the extension. Computed from the server's rows only, so a retry finds what an earlier attempt uploaded.
     */
    private String plannedName(StoredDocument doc) {
        long sameName = documents.forDossier(doc.dossierId()).stream()
                .filter(d -> d.fileName().equalsIgnoreCase(doc.fileName())).count();
        String name = doc.fileName().replaceAll("[.\\s]+$", "");
        if (name.isEmpty()) {
            name = "file";
        }
        if (sameName <= 1) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) + "-" + doc.id() + name.substring(dot) : name + "-" + doc.id();
    }
}
