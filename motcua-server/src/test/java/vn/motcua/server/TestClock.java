package vn.motcua.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The server's clock in tests: real time plus an offset that a test may move forward (to make a dossier due soon or
 * overdue). Only ever moved forward, so dossiers of other tests keep a consistent history.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    /** A fixed time for the current thread only (MockMvc runs a request in the calling thread). */
    private final ThreadLocal<Instant> pinned = new ThreadLocal<>();
    private final ZoneId zone;

    public TestClock(ZoneId zone) {
        this.zone = zone;
    }

    public void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("the test clock only moves forward");
        }
        offset.updateAndGet(o -> o.plus(d));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    /** Runs the action with this thread's clock at {@code at} (e.g. before 01/07/2025 for the legacy offices). */
    public <T> T at(Instant at, java.util.concurrent.Callable<T> action) throws Exception {
        pinned.set(at);
        try {
            return action.call();
        } finally {
            pinned.remove();
        }
    }

    @Override
    public Instant instant() {
        Instant at = pinned.get();
        return at != null ? at : Instant.now().plus(offset.get()).truncatedTo(ChronoUnit.MICROS);
    }
}
