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
 * drain the database pool.
 * <p>
 * A reception whose client sends slowly (a commune office on a thin line) does not keep its turn while the server waits
 * for its bytes: after a read that waited longer than {@code motcua.reception.slow-read} it gives the turn to the next
 * one, and takes a turn again before it is recorded. A reception that waits longer than
 * {@code motcua.reception.admission-wait} for a turn is answered 503 with {@code Retry-After}, in Vietnamese and English,
 * and nothing is recorded.
 */
@Component
class ReceptionAdmission {

    private static final String TURN = ReceptionAdmission.class.getName() + ".turn";
    private static final String RETRY_SECONDS = "5";

    private final Semaphore turns;
    private final long waitNanos;
    private final long slowReadNanos;

    ReceptionAdmission(@Value("${motcua.reception.max-concurrent:0}") int maxConcurrent,
                       @Value("${motcua.reception.admission-wait:30s}") Duration wait,
                       @Value("${motcua.reception.slow-read:100ms}") Duration slowRead) {
        int turns = maxConcurrent > 0 ? maxConcurrent : 4 * Runtime.getRuntime().availableProcessors();
        this.turns = new Semaphore(turns, true);
        this.waitNanos = wait.toNanos();
        this.slowReadNanos = slowRead.toNanos();
    }

    /**
     * Waits for this request's turn. The turn is given back when the request completes (after its answer is written),
     * whatever the outcome.
     */
    Turn enter(HttpServletResponse response) {
        RequestAttributes request = RequestContextHolder.currentRequestAttributes();
        if (request.getAttribute(TURN, RequestAttributes.SCOPE_REQUEST) instanceof Turn entered) {
            return entered;
        }
        Turn turn = new Turn(response);
        turn.take();
        request.setAttribute(TURN, turn, RequestAttributes.SCOPE_REQUEST);
        request.registerDestructionCallback(TURN, turn::end, RequestAttributes.SCOPE_REQUEST);
        return turn;
    }

    /** Receptions that could start now without waiting. */
    int free() {
        return turns.availablePermits();
    }

    /** Receptions waiting for a turn (an estimate while turns change hands). */
    int waiting() {
        return turns.getQueueLength();
    }

    /** One request's turn; used by the request's own thread only. */
    final class Turn {
        private final HttpServletResponse response;
        private boolean held;

        private Turn(HttpServletResponse response) {
            this.response = response;
        }

        /** After each read of the body: a read that waited long for the client hands the turn on. */
        void afterRead(long waitedNanos) {
            if (held && waitedNanos > slowReadNanos) {
                held = false;
                turns.release();
            }
        }

        /** Before the reception is recorded: a turn handed on during a slow upload is taken again. */
        void resume() {
            if (!held) {
                take();
            }
        }

        private void take() {
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
            held = true;
        }

        private void end() {
            if (held) {
                held = false;
                turns.release();
            }
        }
    }
}
