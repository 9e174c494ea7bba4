package vn.motcua.signature.sign;

/** PAdES baseline levels (ETSI EN 319 142-1) this signer produces. */
public enum SignatureLevel {
    /** Basic signature: CMS with signing-certificate-v2, no signing-time attribute (the time is in /M). */
    B_B,
    /** B-B plus an RFC 3161 signature time-stamp from a TSA as unsigned attribute. */
    B_T,
    /** B-T plus certificates and revocation data (OCSP responses, CRLs) in the document security store /DSS. */
    B_LT;

    boolean timestamped() {
        return this != B_B;
    }
}
