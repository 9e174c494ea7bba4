package vn.motcua.server.alfresco;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

import java.nio.charset.StandardCharsets;

/**
 * The JMS side of the repository events. Two ways to read {@code alfresco.repo.event2}, chosen by configuration:
 * <ul>
 * <li>{@code motcua.alfresco.events.queue} set: read that queue, which the broker fills from the topic (an ActiveMQ
 * composite topic; see the README section). Messages wait there while the server is down and several server instances
 * share them — the recommended setup.</li>
 * <li>otherwise: a durable subscription to the topic ({@code client-id} + {@code subscription}), which keeps the events of
 * a stopped server with the stock broker configuration, for a single server instance.</li>
 * </ul>
 * The session is transacted: a message is acknowledged only after it was applied, and redelivered if applying it failed
 * (Alfresco unreachable for the download, database down); applying is idempotent.
 */
final class RepositoryEventListener {

    static final String TOPIC = "alfresco.repo.event2";

    private RepositoryEventListener() {
    }

    static DefaultMessageListenerContainer container(String brokerUrl, String queue, String clientId, String subscription,
                                                     RepositoryEvents events) {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl);
        DefaultMessageListenerContainer container = new DefaultMessageListenerContainer();
        container.setConnectionFactory(factory);
        if (queue != null && !queue.isBlank()) {
            container.setDestinationName(queue);
            container.setPubSubDomain(false);
        } else {
            container.setDestinationName(TOPIC);
            container.setPubSubDomain(true);
            container.setSubscriptionDurable(true);
            container.setClientId(clientId);
            container.setDurableSubscriptionName(subscription);
        }
        container.setSessionTransacted(true);
        container.setRecoveryInterval(5000);
        container.setMessageListener((MessageListener) message -> events.handle(text(message)));
        return container;
    }

    private static String text(Message message) {
        try {
            if (message instanceof TextMessage t) {
                return t.getText();
            }
            if (message instanceof jakarta.jms.BytesMessage b) {
                byte[] bytes = new byte[(int) b.getBodyLength()];
                b.readBytes(bytes);
                return new String(bytes, StandardCharsets.UTF_8);
            }
            return "";
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable JMS message", e);
        }
    }
}
