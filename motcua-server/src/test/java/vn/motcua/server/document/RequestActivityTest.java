package vn.motcua.server.document;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Background inspection waits for a moment without requests, but never longer than its limit. */
class RequestActivityTest {

    @Test
    void quietOnlyWhenNoRequestIsInProgress() throws Exception {
        RequestActivity activity = new RequestActivity();
        assertThat(activity.awaitQuiet(Duration.ZERO)).isTrue();

        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread request = new Thread(() -> {
            try {
                activity.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), (rq, rs) -> {
                    inside.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        request.start();
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(activity.awaitQuiet(Duration.ofMillis(100))).as("a request is in progress").isFalse();
        release.countDown();
        request.join(10_000);
        assertThat(activity.awaitQuiet(Duration.ofSeconds(5))).isTrue();
    }
}
