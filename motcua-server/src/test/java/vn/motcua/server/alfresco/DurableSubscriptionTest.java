package vn.motcua.server.alfresco;

import org.junit.jupiter.api.Test;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default subscription (no queue configured): a durable subscriber on the topic keeps the events published while the
 * server is gone, and a restarted server with the same client id and subscription name receives them.
 */
class DurableSubscriptionTest {

    /** Records the messages instead of applying them. */
    private static final class Recorder extends RepositoryEvents {
        final List<String> received = new CopyOnWriteArrayList<>();

        Recorder() {
            super(null, null, null, null, null, null, null);
        }

        @Override
        Outcome handle(String message) {
            received.add(message);
            return Outcome.IGNORED;
        }
    }

    private static DefaultMessageListenerContainer listen(EventBroker broker, Recorder recorder) {
        DefaultMessageListenerContainer c = RepositoryEventListener.container(broker.url(), "", "motcua-test-client",
                "motcua-test-subscription", recorder);
        c.afterPropertiesSet();
        c.start();
        // The consumer subscribes asynchronously; publish only once it is registered with the topic.
        for (int i = 0; i < 100 && !c.isRegisteredWithDestination(); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertThat(c.isRegisteredWithDestination()).isTrue();
        return c;
    }

    private static void await(Recorder recorder, int count) throws InterruptedException {
        for (int i = 0; i < 100 && recorder.received.size() < count; i++) {
            Thread.sleep(100);
        }
    }

    @Test
    void eventsPublishedWhileTheServerIsDownAreDeliveredAfterARestart() throws Exception {
        try (EventBroker broker = EventBroker.start()) {
            Recorder first = new Recorder();
            DefaultMessageListenerContainer running = listen(broker, first);
            assertThat(running.isSubscriptionDurable()).isTrue();
            assertThat(running.isPubSubDomain()).isTrue();
            assertThat(running.getDestinationName()).isEqualTo("alfresco.repo.event2");
            broker.publish("{\"id\":\"one\"}");
            await(first, 1);
            assertThat(first.received).containsExactly("{\"id\":\"one\"}");
            running.shutdown();

            broker.publish("{\"id\":\"while-down\"}");

            Recorder second = new Recorder();
            DefaultMessageListenerContainer restarted = listen(broker, second);
            try {
                await(second, 1);
                assertThat(second.received).containsExactly("{\"id\":\"while-down\"}");
            } finally {
                restarted.shutdown();
            }
        }
    }
}
