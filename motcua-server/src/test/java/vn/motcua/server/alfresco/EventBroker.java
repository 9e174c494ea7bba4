package vn.motcua.server.alfresco;

import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.region.DestinationInterceptor;
import org.apache.activemq.broker.region.virtual.CompositeTopic;
import org.apache.activemq.broker.region.virtual.VirtualDestination;
import org.apache.activemq.broker.region.virtual.VirtualDestinationInterceptor;
import org.apache.activemq.command.ActiveMQQueue;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * An embedded ActiveMQ broker on 127.0.0.1 configured like the Docker broker should be: the topic
 * {@code alfresco.repo.event2} is a composite topic that also forwards every event to the queue {@link #QUEUE}, which the
 * server reads. Events are built from Alfresco's sample events in the reference files.
 */
final class EventBroker implements AutoCloseable {

    static final String QUEUE = "motcua.repo.event2";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BrokerService broker;
    private final String url;

    private EventBroker(BrokerService broker, String url) {
        this.broker = broker;
        this.url = url;
    }

    static EventBroker start() {
        try {
            BrokerService broker = new BrokerService();
            broker.setBrokerName("motcua-test");
            broker.setPersistent(false);
            broker.setUseJmx(false);
            broker.setAdvisorySupport(false);
            CompositeTopic topic = new CompositeTopic();
            topic.setName(RepositoryEventListener.TOPIC);
            topic.setForwardOnly(false);
            topic.setForwardTo(List.of(new ActiveMQQueue(QUEUE)));
            VirtualDestinationInterceptor interceptor = new VirtualDestinationInterceptor();
            interceptor.setVirtualDestinations(new VirtualDestination[]{topic});
            broker.setDestinationInterceptors(new DestinationInterceptor[]{interceptor});
            var connector = broker.addConnector("tcp://127.0.0.1:0");
            broker.start();
            broker.waitUntilStarted();
            return new EventBroker(broker, connector.getPublishableConnectString());
        } catch (Exception e) {
            throw new IllegalStateException("embedded ActiveMQ broker did not start", e);
        }
    }

    String url() {
        return url;
    }

    /** Publishes one event to the topic, as the repository does. */
    void publish(String json) throws Exception {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
        try (Connection c = factory.createConnection(); Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = s.createProducer(s.createTopic(RepositoryEventListener.TOPIC));
            producer.send(s.createTextMessage(json));
        }
    }

    static boolean samplesPresent() {
        return Files.isDirectory(events());
    }

    private static Path events() {
        return SwaggerContract.sharedDir().resolve("alfresco/events");
    }

    /**
     * A variant of a sample event for a node: new event id, the node's id, name and parent, its modification time, and —
     * for an update — whether the content changed (resourceBefore carries the old content, as Alfresco sends it).
     */
    static String nodeEvent(String sample, String nodeId, String name, String parentId, String modifiedAt,
                            boolean contentChanged) throws Exception {
        return nodeEvent(sample, nodeId, name, parentId, modifiedAt, contentChanged, null);
    }

    /** As above, with the Share user who created and modified the node (null: the sample's users). */
    static String nodeEvent(String sample, String nodeId, String name, String parentId, String modifiedAt,
                            boolean contentChanged, String userId) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(Files.readString(events().resolve(sample)));
        event.put("id", UUID.randomUUID().toString());
        ObjectNode data = (ObjectNode) event.get("data");
        ObjectNode resource = (ObjectNode) data.get("resource");
        resource.put("id", nodeId);
        resource.put("name", name);
        resource.put("modifiedAt", modifiedAt);
        if (userId != null) {
            ((ObjectNode) resource.get("createdByUser")).put("id", userId);
            ((ObjectNode) resource.get("modifiedByUser")).put("id", userId);
        }
        ((ObjectNode) resource.get("content")).put("mimeType", "application/pdf");
        resource.putArray("primaryHierarchy").add(parentId).add("document-library").add("site");
        if (data.has("resourceBefore")) {
            ObjectNode before = (ObjectNode) data.get("resourceBefore");
            if (contentChanged) {
                before.putObject("content").put("mimeType", "application/pdf").put("sizeInBytes", 1);
            } else {
                before.remove("content");
            }
        }
        return JSON.writeValueAsString(event);
    }

    @Override
    public void close() {
        try {
            broker.stop();
            broker.waitUntilStopped();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
