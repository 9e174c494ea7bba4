package vn.motcua.server.document;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.server.store.ContentStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Uploads checked (size, real type), stored in the content store, inspected (signature, header fields) and recorded as rows.
 * The bytes are written before the dossier's transaction commits; if it rolls back or the server dies, the start-up
 * clean-up removes the unreferenced file, so no half-dossier and no orphan file survive.
 */
@Service
public class DocumentService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ContentStore store;
    private final JdbcClient jdbc;
    private final DocumentInspector inspector;
    private final long maxFileBytes;
    private final boolean inspectLater;

    public DocumentService(ContentStore store, JdbcClient jdbc, DocumentInspector inspector,
                           @Value("${motcua.upload.max-file-bytes:20971520}") long maxFileBytes,
                           @Value("${motcua.inspection.async:true}") boolean async,
                           @Value("${motcua.store:embedded}") String storeKind) {
        this.store = store;
        this.jdbc = jdbc;
        this.inspector = inspector;
        this.maxFileBytes = maxFileBytes;
        // The Alfresco mirror is written with the document's fields, so there uploads are always inspected at once.
        this.inspectLater = async && !"alfresco".equals(storeKind);
    }

    /** A checked upload, already in the content store, waiting to be recorded against a dossier. */
    public record Upload(String component, String fileName, FileType type, ContentStore.StoredContent content,
                         DocumentInspection inspection) {
    }

    /** Checks, stores and inspects one uploaded file; throws a {@link DeskException} (413 / 415 / 400) for a bad one. */
    public Upload accept(String component, String originalName, byte[] bytes) {
        try (IncomingUpload file = incoming(component, originalName, true)) {
            file.write(java.nio.ByteBuffer.wrap(bytes));
            return file.finish(bytes);
        }
    }

    /**
     * A file received at the counter, read as it streams in: checked (type by its first bytes, size) and stored like
     * {@link #accept(String, String, byte[])} while it arrives, its inspection left to {@link PendingInspections} once
     * the reception has committed (badge {@code PENDING} until then), unless {@code motcua.inspection.async=false} or
     * the Alfresco mode asks for it at once. Close the returned sink if it is not finished.
     */
    public IncomingUpload receiveAtReception(String component, String originalName) {
        return incoming(component, originalName, !inspectLater);
    }

    private IncomingUpload incoming(String component, String originalName, boolean inspectNow) {
        try {
            return new IncomingUpload(component, safeName(originalName), store.receive(maxFileBytes), inspectNow);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One reception file on its way into the content store; see {@link #receiveAtReception}. */
    public final class IncomingUpload implements java.io.Closeable {
        private final String component;
        private final String name;
        private final ContentStore.Incoming content;
        private final boolean inspectNow;
        private final byte[] head = new byte[FileType.SNIFF_BYTES];
        private int headLength;
        private FileType type;

        private IncomingUpload(String component, String name, ContentStore.Incoming content, boolean inspectNow) {
            this.component = component;
            this.name = name;
            this.content = content;
            this.inspectNow = inspectNow;
        }

        /** Takes the next bytes; a file of a type the desk does not accept is refused as soon as its head is known. */
        public void write(java.nio.ByteBuffer bytes) {
            if (type == null) {
                int n = Math.min(bytes.remaining(), head.length - headLength);
                bytes.duplicate().get(head, headLength, n);
                headLength += n;
                if (headLength == head.length) {
                    type = sniff();
                }
            }
            try {
                content.write(bytes);
            } catch (ContentStore.TooLargeException e) {
                throw new DeskException(HttpStatus.CONTENT_TOO_LARGE, "error.upload.tooLarge");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Bytes received so far. */
        public long size() {
            return content.size();
        }

        /** Stores the complete file under its address and returns it ready to be recorded. */
        public Upload finish() {
            return finish(null);
        }

        /** @param whole the file's bytes when the caller holds them anyway, so an inspection need not read them back */
        private Upload finish(byte[] whole) {
            if (content.size() == 0) {
                throw new DeskException(HttpStatus.BAD_REQUEST, "error.upload.empty", name);
            }
            FileType t = type != null ? type : sniff();
            try {
                ContentStore.StoredContent stored = content.commit();
                return new Upload(component, name, t, stored, inspectNow ? inspector.inspect(name, t.mediaType(),
                        whole != null ? whole : read(stored.sha256())) : DocumentInspection.pending());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private FileType sniff() {
            return FileType.sniff(java.util.Arrays.copyOf(head, headLength)).orElseThrow(
                    () -> new DeskException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.upload.type", name));
        }

        @Override
        public void close() {
            try {
                content.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Records an accepted upload against a dossier (inside the caller's transaction). */
    public long record(long dossierId, DocumentKind kind, Upload u, String resultCode, boolean signed, String userId,
                       Instant at) {
        return jdbc.sql("""
                        insert into document (dossier_id, kind, component, result_code, file_name, media_type, size_bytes,
                          sha256, signature_badge, signature_text, signed, metadata, extracted_text, uploaded_by, uploaded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?) returning id""")
                .params(dossierId, kind.name(), u.component(), resultCode, u.fileName(), u.type().mediaType(),
                        u.content().size(), u.content().sha256(), u.inspection().signature().name(),
                        u.inspection().signatureText(), signed, JSON.writeValueAsString(u.inspection().metadata()),
                        u.inspection().text().isEmpty() ? null : u.inspection().text(), userId,
                        at.atOffset(ZoneOffset.UTC))
                .query(Long.class).single();
    }

    /**
     * Inspects a document recorded as {@code PENDING} and stores the verdict, fields and text (the search columns follow
     * through the document trigger). Returns false when it was no longer pending (inspected already).
     */
    public boolean inspectPending(long documentId) {
        Optional<StoredDocument> doc = find(documentId).filter(d -> d.signatureBadge() == DocumentInspection.Badge.PENDING);
        if (doc.isEmpty()) {
            return false;
        }
        StoredDocument d = doc.get();
        DocumentInspection inspection = inspector.inspect(d.fileName(), d.mediaType(), read(d));
        return jdbc.sql("""
                        update document set signature_badge = :badge, signature_verdict = :badge, signature_text = :text,
                          metadata = cast(:metadata as jsonb), extracted_text = :extracted
                        where id = :id and signature_badge = 'PENDING'""")
                .param("badge", inspection.signature().name())
                .param("text", inspection.signatureText())
                .param("metadata", JSON.writeValueAsString(inspection.metadata()))
                .param("extracted", inspection.text().isEmpty() ? null : inspection.text())
                .param("id", documentId)
                .update() == 1;
    }

    /** Documents still waiting for their inspection, oldest first (a restart queues them again). */
    public List<Long> pending() {
        return jdbc.sql("select id from document where signature_badge = 'PENDING' order by id").query(Long.class).list();
    }

    public List<StoredDocument> forDossier(long dossierId) {
        return jdbc.sql("select * from document where dossier_id = ? order by id").param(dossierId)
                .query((rs, i) -> row(rs)).list();
    }

    public Optional<StoredDocument> find(long id) {
        return jdbc.sql("select * from document where id = ?").param(id).query((rs, i) -> row(rs)).optional();
    }

    public InputStream open(StoredDocument d) throws IOException {
        return store.open(d.sha256());
    }

    public byte[] read(StoredDocument d) {
        return read(d.sha256());
    }

    private byte[] read(String sha256) {
        try (InputStream in = store.open(sha256)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StoredDocument row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Map<String, String> metadata = JSON.readValue(rs.getString("metadata"), new TypeReference<Map<String, String>>() {
        });
        return new StoredDocument(rs.getLong("id"), rs.getLong("dossier_id"), DocumentKind.valueOf(rs.getString("kind")),
                rs.getString("component"), rs.getString("result_code"), rs.getString("file_name"),
                rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                DocumentInspection.Badge.valueOf(rs.getString("signature_badge")), rs.getString("signature_text"),
                rs.getBoolean("signed"), metadata, rs.getString("uploaded_by"),
                rs.getObject("uploaded_at", OffsetDateTime.class).toInstant());
    }

    /** Keeps only the last path segment and printable characters of a client-supplied file name. */
    static String safeName(String name) {
        if (name == null || name.isBlank()) {
            return "file";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.replaceAll("[\\p{Cntrl}\"<>|*?:]", "_").strip();
        if (base.length() > 200) {
            base = base.substring(base.length() - 200);
        }
        return base.isEmpty() ? "file" : base;
    }
}
