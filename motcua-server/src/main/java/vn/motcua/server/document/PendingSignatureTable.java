package vn.motcua.server.document;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.signature.sign.PendingSignatureStore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The table external_signature: two-step signatures waiting for the leader's device, shared by every instance and
 * kept across restarts. Rows are keyed by the SHA-256 of the handle (a bearer secret, never stored or logged raw) and
 * hold, beside the signature module's opaque state, the dossier, version, draft digest and leader the handle is bound
 * to, all written by the one insert of {@link #forPrepare}.
 */
@Component
class PendingSignatureTable {

    /** What a handle is bound to. */
    record Binding(long dossierId, int version, byte[] draftDigest, String username) {
    }

    private final JdbcClient jdbc;

    PendingSignatureTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The store for completing, cancelling and counting; it cannot prepare (a row needs its binding). */
    PendingSignatureStore store() {
        return new Store(null);
    }

    /** The store for preparing one signature bound to {@code binding}. */
    PendingSignatureStore forPrepare(Binding binding) {
        return new Store(binding);
    }

    /** The binding of a handle, expired or not. */
    Optional<Binding> binding(String handle) {
        return jdbc.sql("select dossier_id, dossier_version, draft_sha256, username from external_signature"
                        + " where handle_sha256 = ?")
                .param(key(handle))
                .query((rs, n) -> new Binding(rs.getLong(1), rs.getInt(2), rs.getBytes(3), rs.getString(4)))
                .optional();
    }

    /** Signatures the user has waiting and not expired at {@code now}. */
    int countFor(String username, Instant now) {
        return jdbc.sql("select count(*) from external_signature where username = ? and expires_at > ?")
                .params(username, utc(now)).query(Integer.class).single();
    }

    static byte[] key(String handle) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(handle.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private final class Store implements PendingSignatureStore {
        private final Binding binding;

        Store(Binding binding) {
            this.binding = binding;
        }

        @Override
        public void put(String handle, byte[] state, Instant expiresAt) {
            if (binding == null) {
                throw new IllegalStateException("a pending signature is stored with its dossier binding");
            }
            jdbc.sql("insert into external_signature (handle_sha256, dossier_id, dossier_version, draft_sha256,"
                            + " username, expires_at, state) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(key(handle), binding.dossierId(), binding.version(), binding.draftDigest(),
                            binding.username(), utc(expiresAt), state)
                    .update();
        }

        @Override
        public Optional<Pending> find(String handle) {
            return jdbc.sql("select state, expires_at from external_signature where handle_sha256 = ?")
                    .param(key(handle))
                    .query((rs, n) -> new Pending(rs.getBytes(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                    .optional();
        }

        /** One DELETE: of two instances claiming the same row, PostgreSQL reports the row to exactly one. */
        @Override
        public boolean remove(String handle) {
            return jdbc.sql("delete from external_signature where handle_sha256 = ?").param(key(handle)).update() == 1;
        }

        @Override
        public int count() {
            return jdbc.sql("select count(*) from external_signature").query(Integer.class).single();
        }

        @Override
        public void purgeExpired(Instant now) {
            jdbc.sql("delete from external_signature where expires_at <= ?").param(utc(now)).update();
        }
    }
}
