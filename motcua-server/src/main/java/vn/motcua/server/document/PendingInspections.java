package vn.motcua.server.document;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Inspection of reception uploads after the reception commits, so the officer at the counter waits for the parse, hash,
 * store and record of the files but not for their text extraction and signature check (about 10 ms of CPU per 200 KB
 * PDF, several files per dossier). Until done, a document shows the PENDING badge ("checking"); the documents still
 * pending when the server stopped are queued again at start. Before each document the worker waits (at most
 * {@code motcua.inspection.max-yield}, 2 s) for a moment when no HTTP request is in progress. With {@code motcua.inspection.async=false}, and always in
 * the Alfresco mode (whose mirror is written with the document's fields), uploads are inspected on the request path
 * ({@link DocumentService#receiveAtReception}).
 */
@Component
public class PendingInspections {

    private static final Logger LOG = LoggerFactory.getLogger(PendingInspections.class);

    private final DocumentService documents;
    private final RequestActivity activity;
    private final Duration maxYield;
    private final ExecutorService workers;
    private final AtomicInteger queued = new AtomicInteger();

    PendingInspections(DocumentService documents, RequestActivity activity,
                       @Value("${motcua.inspection.threads:1}") int threads,
                       @Value("${motcua.inspection.max-yield:PT2S}") Duration maxYield) {
        this.documents = documents;
        this.activity = activity;
        this.maxYield = maxYield;
        this.workers = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "motcua-inspection");
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues documents recorded as PENDING; call after their transaction committed. */
    public void submit(Collection<Long> documentIds) {
        for (long id : documentIds) {
            queued.incrementAndGet();
            workers.execute(() -> {
                try {
                    // Officers first: wait for a moment without requests, but never longer than max-yield, so that a
                    // busy morning still gets its documents inspected.
                    activity.awaitQuiet(maxYield);
                    documents.inspectPending(id);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    // Stays PENDING and is queued again at the next start; the upload itself is safe in the store.
                    LOG.warn("Inspection of document {} failed: {}", id, e.toString());
                } finally {
                    queued.decrementAndGet();
                }
            });
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void requeueAtStart() {
        var pending = documents.pending();
        if (!pending.isEmpty()) {
            LOG.info("Queuing {} documents whose inspection had not run", pending.size());
            submit(pending);
        }
    }

    /** Waits (bounded) until the queue is empty; for tests and an orderly shutdown. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (queued.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
        return true;
    }
}
