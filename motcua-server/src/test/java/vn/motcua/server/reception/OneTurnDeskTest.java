package vn.motcua.server.reception;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.server.TestClockConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The context of the real-HTTP reception tests, one for all of them (they share its database folder): a desk of its own,
 * because MockMvc's csrf() post-processor, used by the other tests, replaces the shared context's cookie CSRF repository
 * with a session one for good, and these tests' clients read the XSRF-TOKEN cookie as browsers do. One reception at a
 * time with a two-second wait, so that a refusal that kept its turn fails the next test, and slow uploads keep their turn
 * (slow-read of an hour) so that a stalled client can hold it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "motcua.database.data-dir=target/test-postgres-streamed", "motcua.store.root=target/test-content-streamed",
        "motcua.reception.max-concurrent=1", "motcua.reception.admission-wait=2s",
        "motcua.reception.slow-read=1h"})
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
@ActiveProfiles({"demo", "test"})
@interface OneTurnDeskTest {
}
