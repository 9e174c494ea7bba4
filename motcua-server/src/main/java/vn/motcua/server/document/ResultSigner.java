package vn.motcua.server.document;

import java.time.Instant;

/**
 * The seam where a leader's signer (PKCS#12, PKCS#11 with PIN, or remote two-step signing from motcua-signature) plugs in.
 * Until it is wired, {@link NoSignerConfigured} keeps the result document unchanged and says it is unsigned.
 */
public interface ResultSigner {

    /** Signs the result PDF for the given result code; returns the document to store as the result. */
    SignedResult sign(byte[] pdf, String resultCode, String leaderUserId, Instant at);

    /** @param signed whether a digital signature was applied; false means the document is stored unsigned */
    record SignedResult(byte[] pdf, boolean signed) {
    }
}
