package vn.motcua.server.alfresco;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jms.listener.DefaultMessageListenerContainer;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.server.ServerTest;
import vn.motcua.server.store.ContentStore;
import vn.motcua.server.store.FileSystemContentStore;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Without {@code motcua.store=alfresco} the Alfresco mode does not exist: no beans, no endpoints, the disk store. */
@ServerTest
class EmbeddedModeTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    ContentStore store;
    @Autowired
    MockMvc mvc;

    @Test
    void theEmbeddedDefaultHasNoAlfrescoBeansAndNoEngineEndpoints() throws Exception {
        for (Class<?> type : new Class<?>[]{AlfrescoClient.class, AlfrescoOutbox.class, OutboxWorker.class,
                AlfrescoLogin.class, RepositoryEvents.class, DefaultMessageListenerContainer.class, TransformEngine.class,
                MetadataExtractor.class}) {
            assertThat(context.getBeansOfType(type)).as(type.getSimpleName()).isEmpty();
        }
        assertThat(store).isInstanceOf(FileSystemContentStore.class);
        assertThat(mvc.perform(get("/transform/config")).andReturn().getResponse().getStatus()).isNotEqualTo(200);
        assertThat(mvc.perform(get("/api/alfresco/outbox")).andReturn().getResponse().getStatus()).isNotEqualTo(200);
    }

    @Test
    void retriesBackOffExponentiallyUpToTheCap() {
        AlfrescoOutbox outbox = new AlfrescoOutbox(null, null, null, Duration.ofSeconds(5), Duration.ofMinutes(10));
        assertThat(outbox.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(outbox.backoff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(outbox.backoff(5)).isEqualTo(Duration.ofSeconds(80));
        assertThat(outbox.backoff(8)).isEqualTo(Duration.ofMinutes(10));
        assertThat(outbox.backoff(200)).isEqualTo(Duration.ofMinutes(10));
    }
}
