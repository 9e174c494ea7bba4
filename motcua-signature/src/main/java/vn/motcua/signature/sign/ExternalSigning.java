package vn.motcua.signature.sign;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.motcua.signature.sign.SigningException.Reason;

/**
 * Two-step signing for keys that never reach the server: {@link #prepare} returns the hash to sign and a handle;
 * {@link #complete} takes the device's raw signature value or CMS and returns the signed PDF. Pending signatures are
 * kept in memory until completed or expired; a handle can be completed once.
 */
public final class ExternalSigning {

    private static final SecureRandom RANDOM = new SecureRandom();

    private record Pending(PadesEngine.Prepared prepared, Instant expiresAt) {
    }

    /** Default bound on waiting signatures: each holds its prepared PDF in memory. */
    public static final int DEFAULT_MAX_PENDING = 1000;

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Duration lifetime;
    private final Clock clock;
    private final int maxPending;

    /**
     * @param lifetime   how long a handle stays valid (a user confirming on a phone needs a few minutes)
     * @param clock      the clock for expiry
     * @param maxPending how many prepared signatures may wait at once; more are refused (TOO_MANY_PENDING)
     */
    public ExternalSigning(Duration lifetime, Clock clock, int maxPending) {
        if (lifetime.isNegative() || lifetime.isZero() || maxPending < 1) {
            throw new IllegalArgumentException("lifetime and maxPending must be positive");
        }
        this.lifetime = lifetime;
        this.clock = clock;
        this.maxPending = maxPending;
    }

    public ExternalSigning(Duration lifetime, Clock clock) {
        this(lifetime, clock, DEFAULT_MAX_PENDING);
    }

    public ExternalSigning(Duration lifetime) {
        this(lifetime, Clock.systemUTC());
    }

    /**
     * Prepares the PDF for a signature by the holder of {@code chain}'s first certificate.
     *
     * @param chain signer certificate first, then its issuers
     */
    public PreparedSignature prepare(byte[] pdf, List<X509Certificate> chain, SignOptions options)
            throws SigningException {
        purgeExpired();
        if (pending.size() >= maxPending) {
            throw new SigningException(Reason.TOO_MANY_PENDING, maxPending);
        }
        PadesEngine.Prepared p = PadesEngine.prepare(pdf, chain, options);
        byte[] id = new byte[18];
        RANDOM.nextBytes(id);
        String handle = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        Instant expiresAt = clock.instant().plus(lifetime);
        pending.put(handle, new Pending(p, expiresAt));
        return new PreparedSignature(handle, p.hashToSign(), p.signedAttributes(), p.algorithm(), expiresAt);
    }

    /**
     * Writes the device's signature into the prepared PDF.
     *
     * @param signature a raw signature value over the prepared data (ECDSA as DER or plain r||s), or a CMS SignedData
     *                  whose signed attributes are exactly the prepared ones
     * @return the signed PDF
     * @throws SigningException HANDLE_UNKNOWN, HANDLE_EXPIRED, SIGNATURE_MISMATCH (the handle stays usable, so the
     *                          device can retry), or the errors of time-stamping and B-LT collection
     */
    public byte[] complete(String handle, byte[] signature) throws SigningException {
        Pending p = handle == null ? null : pending.get(handle);
        if (p == null) {
            throw new SigningException(Reason.HANDLE_UNKNOWN);
        }
        if (!clock.instant().isBefore(p.expiresAt())) {
            pending.remove(handle, p);
            throw new SigningException(Reason.HANDLE_EXPIRED);
        }
        byte[] signed = PadesEngine.complete(p.prepared(), signature);
        pending.remove(handle, p);
        return signed;
    }

    /** Drops a pending signature (the user cancelled). */
    public void cancel(String handle) {
        if (handle != null) {
            pending.remove(handle);
        }
    }

    /** Number of prepared signatures still waiting. */
    public int pendingCount() {
        purgeExpired();
        return pending.size();
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        pending.values().removeIf(p -> !now.isBefore(p.expiresAt()));
    }
}
