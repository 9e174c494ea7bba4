package vn.motcua.server.document;

import java.time.Instant;
import java.util.Map;

/** A document row: metadata of bytes kept in the content store under {@code sha256}. */
public record StoredDocument(long id, long dossierId, DocumentKind kind, String component, String resultCode,
                             String fileName, String mediaType, long size, String sha256,
                             DocumentInspection.Badge signatureBadge, String signatureText, boolean signed,
                             Map<String, String> metadata, String uploadedBy, Instant uploadedAt) {
}
