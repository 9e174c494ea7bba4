package vn.motcua.server.document;

import java.util.Map;

/**
 * What the desk knows about a stored document beyond its bytes: the signature verdict and the extracted header fields.
 *
 * @param signature     GREEN (valid signature), RED (invalid), GREY (not verified or no signature), PENDING (stored,
 *                      inspection queued: see {@link PendingInspections})
 * @param signatureText the verifier's summary, shown beside the badge
 * @param metadata      extracted header fields (Decree 30: number, date, issuer, type, summary ...); empty when none
 * @param text          the document's extracted text for full-text search (never shown as a field); empty when none
 */
public record DocumentInspection(Badge signature, String signatureText, Map<String, String> metadata, String text) {

    public DocumentInspection(Badge signature, String signatureText, Map<String, String> metadata) {
        this(signature, signatureText, metadata, "");
    }

    /** A document stored at reception whose inspection runs after the reception commits. */
    public static DocumentInspection pending() {
        return new DocumentInspection(Badge.PENDING, "signature.pending", Map.of(), "");
    }

    public enum Badge { GREEN, RED, GREY, PENDING }
}
