package vn.motcua.signature.verify;

import java.time.Instant;
import java.util.List;

/**
 * The result for one signature or document timestamp.
 *
 * @param index             1-based, in the order the signatures were made (by the end of their signed revision)
 * @param kind              signature, document timestamp or plain CMS
 * @param fieldName         the PDF signature field (null for CMS input)
 * @param subFilter         the PDF /SubFilter or the CMS type
 * @param verdict           VALID / INVALID / INDETERMINATE
 * @param subIndication     why it is not VALID (null when VALID)
 * @param signerName        the signer certificate's common name (null when unknown)
 * @param signerOrganisation the signer certificate's O (null when absent)
 * @param issuer            the signer certificate's issuer DN
 * @param signingTime       the best known signing time (null when none)
 * @param signingTimeSource where {@code signingTime} comes from
 * @param timestampTime     the time of the earliest valid signature or document timestamp covering it (null when none)
 * @param level             PAdES/CAdES baseline level reached (B-B, B-T, B-LT, B-LTA) or null when not even B-B
 * @param digestAlgorithm   e.g. SHA-256
 * @param signatureAlgorithm e.g. RSASSA-PSS, SHA256withECDSA
 * @param byteRange         the PDF /ByteRange (empty for CMS input)
 * @param signedRevisionLength bytes of the file this signature covers, from offset 0 (the "what was signed" revision)
 * @param coverage          whole file or only an earlier revision
 * @param changes           changes made after this signature, each classified
 * @param findings          errors (with a sub-indication) and warnings
 */
public record SignatureReport(int index, Kind kind, String fieldName, String subFilter, Verdict verdict,
                              SubIndication subIndication, String signerName, String signerOrganisation, String issuer,
                              Instant signingTime, TimeSource signingTimeSource, Instant timestampTime, String level,
                              String digestAlgorithm, String signatureAlgorithm, List<Long> byteRange,
                              long signedRevisionLength, Coverage coverage, List<Change> changes,
                              List<Finding> findings) {

    public SignatureReport {
        byteRange = List.copyOf(byteRange);
        changes = List.copyOf(changes);
        findings = List.copyOf(findings);
    }

    public enum Kind { SIGNATURE, CERTIFICATION_SIGNATURE, DOCUMENT_TIMESTAMP, CMS_DETACHED, CMS_ENVELOPING }

    public enum Coverage { WHOLE_FILE, EARLIER_REVISION, UNCLEAR }

    public enum TimeSource { NONE, CLAIMED_SIGNING_TIME, SIGNATURE_TIMESTAMP, DOCUMENT_TIMESTAMP }

    /** Warnings only. */
    public List<Finding> warnings() {
        return findings.stream().filter(Finding::isWarning).toList();
    }

    /** Errors only (each with a sub-indication). */
    public List<Finding> errors() {
        return findings.stream().filter(f -> !f.isWarning()).toList();
    }
}
