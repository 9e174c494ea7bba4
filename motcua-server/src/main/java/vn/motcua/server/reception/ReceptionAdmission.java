package vn.motcua.server.reception;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import vn.motcua.server.dossier.DeskException;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Turns at the reception desk: at most {@code motcua.reception.max-concurrent} receptions are read, stored and recorded at
 * once (by default four per processor); the others wait for a turn in the order they came. Twenty receptions sharing two
 * cores all finish late and unevenly; served a few at a time, in order, each takes about the same time, and a burst cannot
 * drain the database pool. A reception that waits longer than {@code motcua.reception.admission-wait} is answered 503 with
 * {@code Retry-After}, in Vietnamese and English, before any of its body is read.
 */
@Component
class ReceptionAdmission {

    private static final String TURN = ReceptionAdmission.class.getName() + ".turn";
    private static final String RETRY_SECONDS = "5";

    private final Semaphore turns;
    private final long waitNanos;

    ReceptionAdmission(@Value("${motcua.reception.max-concurrent:0}") int maxConcurrent,
                       @Value("${motcua.reception.admission-wait:30s}") Duration wait) {
        int turns = maxConcurrent > 0 ? maxConcurrent : 4 * Runtime.getRuntime().availableProcessors();
        this.turns = new Semaphore(turns, true);
        this.waitNanos = wait.toNanos();
    }

    /**
     * Waits for this request's turn; the turn is given back when the request completes (after its answer is written),
     * whatever the outcome.
     */
    void enter(HttpServletResponse response) {
        RequestAttributes request = RequestContextHolder.currentRequestAttributes();
        if (request.getAttribute(TURN, RequestAttributes.SCOPE_REQUEST) != null) {
            return;
        }
        boolean admitted;
        try {
            admitted = turns.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_SECONDS);
            throw new DeskException(HttpStatus.SERVICE_UNAVAILABLE, "error.reception.busy");
        }
        request.setAttribute(TURN, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        request.registerDestructionCallback(TURN, turns::release, RequestAttributes.SCOPE_REQUEST);
    }

    /** Receptions that could start now without waiting. */
    int free() {
        return turns.availablePermits();
    }

    /** Receptions waiting for a turn (an estimate while turns change hands). */
    int waiting() {
        return turns.getQueueLength();
    }
}
