package vn.motcua.server.alfresco;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A repository event as Alfresco publishes it on {@code alfresco.repo.event2}: CloudEvents 1.0 JSON whose {@code data}
 * carries the node (see {@code alfresco/events/} in the reference files). Only what this mode reads is declared; anything
 * else in the message is ignored, so newer repository versions adding fields do not break the listener.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record RepoEvent(String specversion, String type, String id, String source, OffsetDateTime time, Data data) {

    static final String NODE_CREATED = "org.alfresco.event.node.Created";
    static final String NODE_UPDATED = "org.alfresco.event.node.Updated";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(String eventGroupId, NodeResource resource, NodeResource resourceBefore) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record NodeResource(String id, String name, String nodeType, Boolean isFolder, Boolean isFile, UserInfo createdByUser,
                        OffsetDateTime createdAt, UserInfo modifiedByUser, OffsetDateTime modifiedAt, Content content,
                        List<String> primaryHierarchy, Map<String, Object> properties, List<String> aspectNames) {

        /** The primary parent: the first id of the hierarchy. */
        String parentId() {
            return primaryHierarchy == null || primaryHierarchy.isEmpty() ? null : primaryHierarchy.get(0);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record UserInfo(String id, String displayName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Content(String mimeType, Long sizeInBytes, String encoding) {
    }
}
