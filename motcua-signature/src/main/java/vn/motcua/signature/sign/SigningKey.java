package vn.motcua.signature.sign;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A private key that can sign, with its certificate chain. Implementations: PKCS#12 files and PKCS#11 tokens
 * ({@link SigningKeys}); a key that never reaches this process is handled by {@link ExternalSigning} instead.
 */
public interface SigningKey extends AutoCloseable {

    /** Signer certificate first, then its issuers (the root may be left out). */
    List<X509Certificate> chain();

    /**
     * Signs {@code data} (the DER-encoded signed attributes) with the algorithm; returns the signature value as CMS
     * expects it (DER-encoded for ECDSA).
     */
    byte[] sign(byte[] data, SignatureAlgorithm algorithm) throws SigningException;

    /** Releases the token session, if any. */
    @Override
    default void close() {
    }
}
