package vn.motcua.server.alfresco;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The event types written here read Alfresco's sample events and name only fields Alfresco's event schemas define. */
class RepoEventTest {

    private static final Path EVENTS = SwaggerContract.sharedDir().resolve("alfresco/events");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static void needEvents() {
        if (!Files.isDirectory(EVENTS)) {
            System.out.println("SKIPPED: no sample events at " + EVENTS.toAbsolutePath());
        }
        assumeTrue(Files.isDirectory(EVENTS), "sample events absent");
    }

    @Test
    void everySampleEventIsReadAndNodeEventsCarryWhatTheListenerNeeds() throws IOException {
        needEvents();
        List<Path> samples;
        try (Stream<Path> s = Files.list(EVENTS)) {
            samples = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(samples).hasSizeGreaterThanOrEqualTo(4);
        for (Path sample : samples) {
            RepoEvent e = JSON.readValue(sample.toFile(), RepoEvent.class);
            assertThat(e.id()).as(sample.toString()).isNotBlank();
            assertThat(e.type()).startsWith("org.alfresco.event.");
            if (e.type().startsWith("org.alfresco.event.node.")) {
                RepoEvent.NodeResource r = e.data().resource();
                assertThat(r.id()).isNotBlank();
                assertThat(r.isFile()).isNotNull();
                assertThat(r.parentId()).isNotBlank();
                assertThat(r.modifiedAt()).isNotNull();
            }
        }
        RepoEvent updated = JSON.readValue(EVENTS.resolve("NodeUpdatedEvent.json").toFile(), RepoEvent.class);
        assertThat(updated.type()).isEqualTo(RepoEvent.NODE_UPDATED);
        assertThat(updated.data().resourceBefore().properties()).containsKey("cm:title");
        assertThat(updated.data().resourceBefore().content()).as("a property-only change").isNull();
    }

    @Test
    void theTypesNameOnlyFieldsOfTheSchemas() throws IOException {
        needEvents();
        JsonNode schema = JSON.readTree(EVENTS.resolve("schema/nodeUpdated.json").toFile());
        Set<String> eventFields = names(schema.get("properties"));
        Set<String> dataFields = names(schema.at("/properties/data/properties"));
        // nodeUpdated.json leaves the resource open ({"type":"object"}); nodeCreated.json spells the NodeResource out.
        JsonNode created = JSON.readTree(EVENTS.resolve("schema/nodeCreated.json").toFile());
        JsonNode resource = resolve(created, created.at("/properties/data/properties/resource"));
        assertThat(eventFields).containsAll(components(RepoEvent.class));
        assertThat(dataFields).containsAll(components(RepoEvent.Data.class));
        assertThat(names(resource.get("properties"))).containsAll(components(RepoEvent.NodeResource.class));
        assertThat(names(resolve(created, resource.at("/properties/content")).get("properties")))
                .containsAll(components(RepoEvent.Content.class));
    }

    /** Follows a local "$ref" ("#/$defs/Resource"). */
    private static JsonNode resolve(JsonNode root, JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : resolve(root, root.at(ref.asString().substring(1)));
    }

    private static Set<String> names(JsonNode properties) {
        Set<String> names = new TreeSet<>();
        properties.propertyNames().forEach(names::add);
        return names;
    }

    private static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList();
    }
}
