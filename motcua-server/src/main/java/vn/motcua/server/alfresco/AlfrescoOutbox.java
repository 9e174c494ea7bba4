package vn.motcua.server.alfresco;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The durable queue of writes to Alfresco. Nothing the desk does waits for Alfresco: the outbox is fed from the server's own
 * tables (every dossier version and every document not yet queued becomes one operation, with an idempotency key), and a
 * worker carries the operations out in order per dossier, retrying failures with exponential back-off. Operations are
 * claimed with {@code for update skip locked}, so several server instances can share the work without doing any twice.
 */
public class AlfrescoOutbox {

    private static final Logger log = LoggerFactory.getLogger(AlfrescoOutbox.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final MirrorWriter writer;
    private final Duration firstRetry;
    private final Duration maxRetry;

    /** The visible backlog. */
    public record Backlog(long pending, long failing, long done, Instant oldestPending, List<Failure> failures) {
    }

    /** An operation that failed at least once and is waiting for its next attempt. */
    public record Failure(long id, String kind, long dossierId, int attempts, Instant nextAttemptAt, String lastError) {
    }

    AlfrescoOutbox(JdbcClient jdbc, TransactionTemplate tx, MirrorWriter writer, Duration firstRetry, Duration maxRetry) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.writer = writer;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
    }

    /**
     * Queues what is not queued yet: one SYNC_DOSSIER per dossier version, one UPLOAD_DOCUMENT per document. Dossier
     * operations are inserted first, so a new dossier's folder operation precedes its documents'.
     */
    public int feed() {
        int n = jdbc.sql("""
                        insert into alfresco_outbox (op_key, kind, dossier_id)
                        select 'dossier:' || d.id || ':v' || d.version, 'SYNC_DOSSIER', d.id from dossier d
                        where not exists (select 1 from alfresco_outbox o where o.op_key = 'dossier:' || d.id || ':v' || d.version)
                        order by d.id
                        on conflict (op_key) do nothing""").update();
        n += jdbc.sql("""
                        insert into alfresco_outbox (op_key, kind, dossier_id, document_id)
                        select 'document:' || x.id, 'UPLOAD_DOCUMENT', x.dossier_id, x.id from document x
                        where not exists (select 1 from alfresco_outbox o where o.op_key = 'document:' || x.id)
                        order by x.id
                        on conflict (op_key) do nothing""").update();
        return n;
    }

    private record Op(long id, String kind, long dossierId, Long documentId, int attempts) {
    }

    /** Runs due operations until none is left or {@code max} were tried; returns how many succeeded. */
    public int drain(int max) {
        int succeeded = 0;
        for (int i = 0; i < max; i++) {
            Optional<Boolean> ran = tx.execute(this::runOne);
            if (ran == null || ran.isEmpty()) {
                break;
            }
            if (ran.get()) {
                succeeded++;
            }
        }
        return succeeded;
    }

    /** Claims the next due operation whose dossier has no earlier unfinished one, runs it and records the outcome. */
    private Optional<Boolean> runOne(TransactionStatus status) {
        Optional<Op> claimed = jdbc.sql("""
                        select o.id, o.kind, o.dossier_id, o.document_id, o.attempts from alfresco_outbox o
                        where o.done_at is null and o.next_attempt_at <= now()
                          and not exists (select 1 from alfresco_outbox p
                                          where p.dossier_id = o.dossier_id and p.done_at is null and p.id < o.id)
                        order by o.id limit 1 for update skip locked""")
                .query((rs, i) -> new Op(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        (Long) rs.getObject(4), rs.getInt(5)))
                .optional();
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        Op op = claimed.get();
        // A database error inside the operation must not take the failure record down with it.
        Object savepoint = status.createSavepoint();
        try {
            switch (op.kind()) {
                case "SYNC_DOSSIER" -> writer.syncDossier(op.dossierId());
                case "UPLOAD_DOCUMENT" -> writer.uploadDocument(op.documentId());
                default -> throw new IllegalStateException("unknown operation " + op.kind());
            }
            jdbc.sql("update alfresco_outbox set done_at = now(), attempts = attempts + 1, last_error = null where id = ?")
                    .param(op.id()).update();
            status.releaseSavepoint(savepoint);
            return Optional.of(true);
        } catch (RuntimeException e) {
            status.rollbackToSavepoint(savepoint);
            Duration wait = backoff(op.attempts() + 1);
            jdbc.sql("""
                            update alfresco_outbox set attempts = attempts + 1, last_error = ?,
                              next_attempt_at = now() + (? * interval '1 millisecond') where id = ?""")
                    .params(describe(e), wait.toMillis(), op.id()).update();
            log.warn("Alfresco outbox operation {} ({} of dossier {}) failed, attempt {}, next in {}: {}", op.id(),
                    op.kind(), op.dossierId(), op.attempts() + 1, wait, describe(e));
            return Optional.of(false);
        }
    }

    /** Exponential: first retry after {@code firstRetry}, doubling, capped at {@code maxRetry}. */
    Duration backoff(int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 30);
        Duration wait = firstRetry.multipliedBy(factor);
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }

    private static String describe(RuntimeException e) {
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    public Backlog backlog() {
        return jdbc.sql("""
                        select count(*) filter (where done_at is null),
                               count(*) filter (where done_at is null and attempts > 0),
                               count(*) filter (where done_at is not null),
                               min(created_at) filter (where done_at is null)
                        from alfresco_outbox""")
                .query((rs, i) -> new Backlog(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getObject(4, OffsetDateTime.class) == null ? null : rs.getObject(4, OffsetDateTime.class).toInstant(),
                        failures()))
                .single();
    }

    private List<Failure> failures() {
        return jdbc.sql("""
                        select id, kind, dossier_id, attempts, next_attempt_at, last_error from alfresco_outbox
                        where done_at is null and attempts > 0 order by id limit 50""")
                .query((rs, i) -> new Failure(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6)))
                .list();
    }
}
