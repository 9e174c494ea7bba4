package vn.motcua.server.alfresco;

import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.server.store.ContentStore;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import java.util.Set;

/**
 * The Alfresco mode's content store. Reception must not wait for Alfresco, and a document is received before its dossier
 * (and so its Alfresco folder) exists, so bytes are first kept in the local content-addressed store; the outbox then uploads
 * them into the dossier's folder. Reading falls back to Alfresco when the local copy is missing (a new server instance, a
 * lost disk), by the node id the outbox recorded for that SHA-256 — with the officer's own ticket during a request.
 */
class AlfrescoContentStore implements ContentStore {

    private final ContentStore local;
    private final AlfrescoClient alfresco;
    private final AlfrescoClient.Credentials service;
    private final JdbcClient jdbc;
    private final AlfrescoLogin login;

    AlfrescoContentStore(ContentStore local, AlfrescoClient alfresco, AlfrescoClient.Credentials service, JdbcClient jdbc,
                         AlfrescoLogin login) {
        this.local = local;
        this.alfresco = alfresco;
        this.service = service;
        this.jdbc = jdbc;
        this.login = login;
    }

    @Override
    public StoredContent put(InputStream content, long maxBytes) throws IOException {
        return local.put(content, maxBytes);
    }

    @Override
    public Incoming receive(long maxBytes) throws IOException {
        return local.receive(maxBytes);
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        if (local.exists(sha256)) {
            return local.open(sha256);
        }
        byte[] bytes = download(sha256).orElseThrow(() -> new NoSuchFileException(sha256));
        // Keep a local copy again; the store verifies nothing here because the address is recomputed from the bytes.
        local.put(new ByteArrayInputStream(bytes), Long.MAX_VALUE);
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public boolean exists(String sha256) {
        return local.exists(sha256) || nodeOf(sha256).isPresent();
    }

    @Override
    public int deleteUnreferenced(Set<String> referenced) throws IOException {
        return local.deleteUnreferenced(referenced);
    }

    /** The node the outbox uploaded these bytes to, if any. */
    private Optional<String> nodeOf(String sha256) {
        return jdbc.sql("select node_id from alfresco_document_node where sha256 = ? limit 1").param(sha256)
                .query(String.class).optional();
    }

    private Optional<byte[]> download(String sha256) {
        // As the signed-in officer when there is one, so Alfresco's permissions decide; else (background work) as the service.
        AlfrescoClient.Credentials as = login.credentialsOfCurrentUser().orElse(service);
        return nodeOf(sha256).map(nodeId -> alfresco.content(as, nodeId));
    }
}
