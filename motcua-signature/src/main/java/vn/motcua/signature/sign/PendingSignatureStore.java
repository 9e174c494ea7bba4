package vn.motcua.signature.sign;

import java.time.Instant;
import java.util.Optional;

/**
 * Where prepared two-step signatures wait for their device's signature. The state is an opaque, versioned byte
 * encoding written and validated by {@link ExternalSigning}; a store only keeps it with its expiry. The default keeps
 * it in memory ({@link #inMemory()}); a store shared by several processes (a database table) lets a signature
 * prepared before a restart, or by another instance, be completed.
 *
 * <p>Handles are bearer secrets: a persistent store should key on a digest of the handle, never keep or log it raw.
 * Methods signal storage failures with unchecked exceptions of the store's own kind.
 */
public interface PendingSignatureStore {

    /** A waiting signature: the encoded state and the instant from which it is refused. */
    record Pending(byte[] state, Instant expiresAt) {

        public Pending {
            state = state.clone();
        }

        @Override
        public byte[] state() {
            return state.clone();
        }
    }

    /** Keeps a new pending signature under a fresh handle. */
    void put(String handle, byte[] state, Instant expiresAt);

    /** The pending signature of this handle, expired or not, or empty. */
    Optional<Pending> find(String handle);

    /**
     * Removes the handle's pending signature atomically.
     *
     * @return whether THIS call removed it: of several callers sharing the store, exactly one gets true
     */
    boolean remove(String handle);

    /** Number of pending signatures kept, expired ones included until purged. */
    int count();

    /** Drops every pending signature whose expiry is at or before {@code now}. */
    void purgeExpired(Instant now);

    /** A store in this process's memory: lost on restart, not shared. */
    static PendingSignatureStore inMemory() {
        return new InMemoryPendingStore();
    }
}
