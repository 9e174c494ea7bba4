package vn.motcua.server.alfresco;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.domain.office.Office;
import vn.motcua.server.office.LiveCatalogue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The background side of the Alfresco mode: provisions every office's site (retrying until Alfresco answers, so the server
 * starts whether Alfresco is up or not), then feeds and drains the outbox at a fixed delay.
 */
class OutboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final AlfrescoOutbox outbox;
    private final OfficeSites sites;
    private final LiveCatalogue catalogue;
    private final Clock clock;
    private final long pollMillis;
    private final int batch;
    private ScheduledExecutorService executor;
    private volatile boolean provisioned;

    OutboxWorker(AlfrescoOutbox outbox, OfficeSites sites, LiveCatalogue catalogue, Clock clock, long pollMillis,
                 int batch) {
        this.outbox = outbox;
        this.sites = sites;
        this.catalogue = catalogue;
        this.clock = clock;
        this.pollMillis = pollMillis;
        this.batch = batch;
    }

    /** One round; also what tests call to run the outbox deterministically. */
    synchronized void round() {
        if (!provisioned) {
            provisioned = provisionAll();
        }
        outbox.feed();
        outbox.drain(batch);
    }

    private boolean provisionAll() {
        LocalDate today = clock.instant().atZone(WorkingCalendar.ZONE).toLocalDate();
        try {
            for (Office office : catalogue.offices().validOn(today)) {
                sites.ensure(office);
            }
            return true;
        } catch (RuntimeException e) {
            log.warn("Alfresco site provisioning deferred ({}): {}", e.getClass().getSimpleName(), e.getMessage());
            return false;
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "alfresco-outbox");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                round();
            } catch (RuntimeException e) {
                // The database itself failed; the next round tries again.
                log.error("Alfresco outbox round failed", e);
            }
        }, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService e = executor;
        if (e != null) {
            e.shutdown();
            try {
                e.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
