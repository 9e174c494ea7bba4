package vn.motcua.server.document;

/**
 * "Verify this document and extract its header fields": done on every upload, at the desk or from Alfresco. The
 * implementation is {@link LibraryDocumentInspector} (motcua-signature + motcua-extraction); an interface so tests and
 * other deployments can swap it.
 */
public interface DocumentInspector {

    DocumentInspection inspect(String fileName, String mediaType, byte[] content);
}
