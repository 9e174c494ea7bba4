package vn.motcua.signature.sign;

import java.time.Instant;

/**
 * The first half of a two-step signature, for a signing device outside this process (browser token plugin,
 * remote-signing service).
 *
 * @param handle           opaque id to pass to {@link ExternalSigning#complete}
 * @param hashToSign       digest of {@code dataToSign} with {@code algorithm}'s hash: what a hash-signing device
 *                         signs (for RSA PKCS#1 v1.5 the device wraps it in a DigestInfo, as "sign hash" APIs do)
 * @param dataToSign       the DER-encoded CMS signed attributes, for devices that hash themselves
 * @param algorithm        the signature algorithm the device must use (RSASSA-PSS parameters: MGF1 with the same hash,
 *                         salt length = hash length, trailer 1)
 * @param expiresAt        after this instant the handle is refused
 */
public record PreparedSignature(String handle, byte[] hashToSign, byte[] dataToSign, SignatureAlgorithm algorithm,
        Instant expiresAt) {

    public PreparedSignature {
        hashToSign = hashToSign.clone();
        dataToSign = dataToSign.clone();
    }

    @Override
    public byte[] hashToSign() {
        return hashToSign.clone();
    }

    @Override
    public byte[] dataToSign() {
        return dataToSign.clone();
    }
}
