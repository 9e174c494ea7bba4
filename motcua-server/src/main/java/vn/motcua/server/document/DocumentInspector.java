package vn.motcua.server.document;

/**
 * The seam where the signature verifier (motcua-signature) and the metadata extractor (motcua-extraction) plug in:
 * "verify this document" and "extract its header fields". Until the lead wires those libraries in, the only
 * implementation is {@link UninspectedDocuments}, which says honestly that nothing was checked (grey badge, no fields).
 */
public interface DocumentInspector {

    DocumentInspection inspect(String fileName, String mediaType, byte[] content);
}
