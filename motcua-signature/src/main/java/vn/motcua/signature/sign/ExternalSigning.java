package vn.motcua.signature.sign;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import vn.motcua.signature.sign.SigningException.Reason;

/**
 * Two-step signing for keys that never reach the server: {@link #prepare} returns the hash to sign and a handle;
 * {@link #complete} takes the device's raw signature value or CMS and returns the signed PDF. Pending signatures wait
 * in a {@link PendingSignatureStore} (in memory unless another is given: a shared store survives restarts and serves
 * every instance) until completed or expired; a handle can be completed once, also across instances sharing a store.
 */
public final class ExternalSigning {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Default bound on waiting signatures: each holds its prepared PDF in the store. */
    public static final int DEFAULT_MAX_PENDING = 1000;

    private final PendingSignatureStore store;
    private final Duration lifetime;
    private final Clock clock;
    private final int maxPending;

    /**
     * @param lifetime   how long a handle stays valid (a user confirming on a phone needs a few minutes)
     * @param clock      the clock for expiry
     * @param maxPending how many prepared signatures may wait at once in the store; more are refused (TOO_MANY_PENDING)
     * @param store      where pending signatures wait
     */
    public ExternalSigning(Duration lifetime, Clock clock, int maxPending, PendingSignatureStore store) {
        if (lifetime.isNegative() || lifetime.isZero() || maxPending < 1) {
            throw new IllegalArgumentException("lifetime and maxPending must be positive");
        }
        this.lifetime = lifetime;
        this.clock = clock;
        this.maxPending = maxPending;
        this.store = Objects.requireNonNull(store);
    }

    /** Pending signatures in this process's memory. */
    public ExternalSigning(Duration lifetime, Clock clock, int maxPending) {
        this(lifetime, clock, maxPending, PendingSignatureStore.inMemory());
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
        store.purgeExpired(clock.instant());
        if (store.count() >= maxPending) {
            throw new SigningException(Reason.TOO_MANY_PENDING, maxPending);
        }
        PadesEngine.Prepared p = PadesEngine.prepare(pdf, chain, options);
        byte[] id = new byte[18];
        RANDOM.nextBytes(id);
        String handle = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        Instant expiresAt = clock.instant().plus(lifetime);
        store.put(handle, PendingStateCodec.encode(p), expiresAt);
        return new PreparedSignature(handle, p.hashToSign(), p.signedAttributes(), p.algorithm(), expiresAt);
    }

    /**
     * Writes the device's signature into the prepared PDF.
     *
     * @param signature a raw signature value over the prepared data (ECDSA as DER or plain r||s), or a CMS SignedData
     *                  whose signed attributes are exactly the prepared ones
     * @return the signed PDF
     * @throws SigningException HANDLE_UNKNOWN (also when another caller completed the handle first), HANDLE_EXPIRED,
     *                          SIGNATURE_MISMATCH (the handle stays usable, so the device can retry),
     *                          PENDING_STATE_CORRUPT (the stored state cannot be read; the handle is dropped), or the
     *                          errors of time-stamping and B-LT collection
     */
    public byte[] complete(String handle, byte[] signature) throws SigningException {
        PendingSignatureStore.Pending p = handle == null ? null : store.find(handle).orElse(null);
        if (p == null) {
            throw new SigningException(Reason.HANDLE_UNKNOWN);
        }
        if (!clock.instant().isBefore(p.expiresAt())) {
            store.remove(handle);
            throw new SigningException(Reason.HANDLE_EXPIRED);
        }
        PadesEngine.Prepared prepared;
        try {
            prepared = PendingStateCodec.decode(p.state());
        } catch (SigningException e) {
            // retrying cannot repair it
            store.remove(handle);
            throw e;
        }
        byte[] signed = PadesEngine.complete(prepared, signature);
        // claimed only now, after the signature matched: of two callers with a matching signature, one gets the PDF
        if (!store.remove(handle)) {
            throw new SigningException(Reason.HANDLE_UNKNOWN);
        }
        return signed;
    }

    /** Drops a pending signature (the user cancelled). */
    public void cancel(String handle) {
        if (handle != null) {
            store.remove(handle);
        }
    }

    /** Number of prepared signatures still waiting. */
    public int pendingCount() {
        store.purgeExpired(clock.instant());
        return store.count();
    }
}
