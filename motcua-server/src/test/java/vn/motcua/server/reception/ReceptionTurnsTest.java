package vn.motcua.server.reception;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.motcua.server.dossier.DeskException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A request's turn at the reception desk without a server: taken once, given back once when the request completes,
 * handed on during a slow upload and taken again before the reception is recorded, refused after the wait limit.
 */
class ReceptionTurnsTest {

    private static final long SLOW = TimeUnit.MILLISECONDS.toNanos(100);

    private final ReceptionAdmission admission = new ReceptionAdmission(1, Duration.ofMillis(200), Duration.ofNanos(SLOW));

    /** Starts a request on this thread, as the servlet does, and returns its attributes. */
    private static ServletRequestAttributes request(MockHttpServletResponse response) {
        ServletRequestAttributes attributes = new ServletRequestAttributes(new MockHttpServletRequest(), response);
        RequestContextHolder.setRequestAttributes(attributes);
        return attributes;
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aTurnIsTakenOnceAndGivenBackOnceWhenTheRequestCompletes() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ServletRequestAttributes a = request(response);
        ReceptionAdmission.Turn turn = admission.enter(response);
        assertThat(admission.enter(response)).as("the same request asks again").isSameAs(turn);
        assertThat(admission.free()).isZero();

        turn.afterRead(SLOW / 10);
        turn.resume();
        assertThat(admission.free()).as("fast reads keep the turn").isZero();

        a.requestCompleted();
        assertThat(admission.free()).isEqualTo(1);
    }

    @Test
    void aSlowUploadHandsItsTurnOnAndTakesOneAgainBeforeItIsRecorded() {
        MockHttpServletResponse slowResponse = new MockHttpServletResponse();
        ServletRequestAttributes slow = request(slowResponse);
        ReceptionAdmission.Turn slowTurn = admission.enter(slowResponse);

        slowTurn.afterRead(SLOW * 2);
        assertThat(admission.free()).isEqualTo(1);

        // Another reception is served meanwhile.
        MockHttpServletResponse otherResponse = new MockHttpServletResponse();
        ServletRequestAttributes other = request(otherResponse);
        admission.enter(otherResponse);
        assertThat(admission.free()).isZero();
        other.requestCompleted();

        slowTurn.resume();
        assertThat(admission.free()).isZero();
        slow.requestCompleted();
        assertThat(admission.free()).as("given back once, not twice").isEqualTo(1);
    }

    @Test
    void aReceptionThatWaitsPastTheLimitIsRefusedWithRetryAfter() {
        MockHttpServletResponse first = new MockHttpServletResponse();
        ServletRequestAttributes holder = request(first);
        admission.enter(first);

        MockHttpServletResponse late = new MockHttpServletResponse();
        ServletRequestAttributes refused = request(late);
        assertThatThrownBy(() -> admission.enter(late)).isInstanceOfSatisfying(DeskException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(e.key()).isEqualTo("error.reception.busy");
        });
        assertThat(late.getHeader("Retry-After")).isEqualTo("5");
        refused.requestCompleted();
        assertThat(admission.free()).as("a refused request gives back nothing it did not take").isZero();

        holder.requestCompleted();
        assertThat(admission.free()).isEqualTo(1);
    }

    @Test
    void theFormReaderReportsHowLongEachReadWaited() throws Exception {
        ReceptionForms forms = new ReceptionForms(null, admission, org.springframework.util.unit.DataSize.ofMegabytes(1));
        String boundary = "----waits";
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"procedureCode\"\r\n\r\n2.000884\r\n--"
                + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        List<Long> waits = new ArrayList<>();

        ReceptionForm form = forms.stream(new Stalling(body, 20, 150), boundary, waits::add);

        assertThat(form.required("procedureCode")).isEqualTo("2.000884");
        assertThat(waits).hasSizeGreaterThan(2);
        assertThat(waits.get(1)).as("the stalled read").isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(150));
        assertThat(waits.get(0)).isLessThan(TimeUnit.MILLISECONDS.toNanos(150));
    }

    /** Gives {@code chunk} bytes a read; the second read waits {@code stallMillis}, like a client on a thin line. */
    private static final class Stalling extends InputStream {
        private final InputStream in;
        private final int chunk;
        private final long stallMillis;
        private int reads;

        Stalling(byte[] body, int chunk, long stallMillis) {
            this.in = new ByteArrayInputStream(body);
            this.chunk = chunk;
            this.stallMillis = stallMillis;
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (++reads == 2) {
                try {
                    Thread.sleep(stallMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return in.read(b, off, Math.min(len, chunk));
        }
    }
}
