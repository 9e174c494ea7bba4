package vn.motcua.server.alfresco;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The calls the Alfresco mode makes to Alfresco's public REST API v1, written against the published spec with Spring's
 * {@link RestClient} rather than the Alfresco Java SDK starter: the SDK's Feign clients are configured once per application
 * (one {@code content.service.url}, one authentication mode), while this mode needs two identities side by side — the
 * service account for provisioning and the outbox, and each officer's own ticket for delegated calls — and the SDK would
 * add Spring Cloud OpenFeign to every mode of the server. Every call here is checked against the spec by the test stub.
 */
public class AlfrescoClient {

    static final String CORE = "/alfresco/api/-default-/public/alfresco/versions/1";
    static final String AUTH = "/alfresco/api/-default-/public/authentication/versions/1";

    private final RestClient http;

    /** Who a call runs as: the service account (user and password) or a signed-in officer (their ticket). */
    public sealed interface Credentials permits Basic, Ticket {
        String header();
    }

    public record Basic(String userId, String password) implements Credentials {
        @Override
        public String header() {
            return "Basic " + Base64.getEncoder().encodeToString((userId + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Basic[" + userId + "]";
        }
    }

    public record Ticket(String ticket) implements Credentials {
        @Override
        public String header() {
            // Alfresco's documented way: the ticket alone, base64-encoded, as Basic credentials.
            return "Basic " + Base64.getEncoder().encodeToString(ticket.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Ticket[…]";
        }
    }

    /** A node as this mode needs it. */
    public record Node(String id, String name, String nodeType, String parentId, List<String> aspectNames,
                       Map<String, Object> properties) {
    }

    public AlfrescoClient(String baseUrl, Duration connectTimeout, Duration readTimeout) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(connectTimeout);
        factory.setReadTimeout(readTimeout);
        this.http = RestClient.builder().baseUrl(baseUrl).requestFactory(factory)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw new AlfrescoException(response.getStatusCode().value(),
                            request.getMethod() + " " + request.getURI().getPath());
                })
                .build();
    }

    // ---- authentication ------------------------------------------------------------------------------------------

    /** Logs in; returns the ticket, or throws an {@link AlfrescoException} with status 403 for wrong credentials. */
    public String login(String userId, String password) {
        Map<?, ?> entry = entry(http.post().uri(AUTH + "/tickets").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("userId", userId, "password", password)).retrieve().body(Map.class));
        return (String) entry.get("id");
    }

    /** The ids of the groups the ticket's user belongs to (directly or not), e.g. {@code GROUP_MC_doan-ket_RECEPTION}. */
    public List<String> myGroups(Credentials as) {
        return groupsOf(as, "-me-");
    }

    /** The ids of the groups a person belongs to (directly or not); the service account may ask about anyone. */
    public List<String> groupsOf(Credentials as, String personId) {
        Map<?, ?> page = http.get().uri(b -> b.path(CORE + "/people/{personId}/groups").queryParam("maxItems", 1000)
                        .build(personId))
                .header(HttpHeaders.AUTHORIZATION, as.header()).retrieve().body(Map.class);
        return entries(page).stream().map(e -> (String) e.get("id")).toList();
    }

    // ---- sites and groups ----------------------------------------------------------------------------------------

    /** Creates a private site; false when it already exists (409). */
    public boolean createSite(Credentials as, String id, String title, String description) {
        return created(() -> http.post().uri(b -> b.path(CORE + "/sites").queryParam("skipAddToFavorites", true).build())
                .header(HttpHeaders.AUTHORIZATION, as.header()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("id", id, "title", title, "description", description, "visibility", "PRIVATE"))
                .retrieve().toBodilessEntity());
    }

    /** The id of a site's container folder ({@code documentLibrary}). */
    public String siteContainer(Credentials as, String siteId, String container) {
        Map<?, ?> entry = entry(http.get().uri(CORE + "/sites/{s}/containers/{c}", siteId, container)
                .header(HttpHeaders.AUTHORIZATION, as.header()).retrieve().body(Map.class));
        return (String) entry.get("id");
    }

    /** Creates a root group ({@code GROUP_} is part of the id); false when it already exists. */
    public boolean createGroup(Credentials as, String groupId, String displayName) {
        return created(() -> http.post().uri(CORE + "/groups").header(HttpHeaders.AUTHORIZATION, as.header())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("id", groupId, "displayName", displayName))
                .retrieve().toBodilessEntity());
    }

    /** Makes a group a member of a site with a site role; false when it already is. */
    public boolean addSiteGroup(Credentials as, String siteId, String groupId, String siteRole) {
        return created(() -> http.post().uri(CORE + "/sites/{s}/group-members", siteId)
                .header(HttpHeaders.AUTHORIZATION, as.header()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("id", groupId, "role", siteRole)).retrieve().toBodilessEntity());
    }

    // ---- nodes ---------------------------------------------------------------------------------------------------

    /** The node at {@code relativePath} below {@code parentId} (empty path: the node itself), or empty when absent. */
    public Optional<Node> node(Credentials as, String parentId, String relativePath) {
        try {
            Function<UriBuilder, URI> uri = b -> {
                b.path(CORE + "/nodes/{id}").queryParam("include", "properties,aspectNames");
                if (!relativePath.isEmpty()) {
                    b.queryParam("relativePath", "{rp}");
                    return b.build(parentId, relativePath);
                }
                return b.build(parentId);
            };
            return Optional.of(node(entry(http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, as.header())
                    .retrieve().body(Map.class))));
        } catch (AlfrescoException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Creates a folder (or any non-content node) with properties and aspects. */
    public Node createNode(Credentials as, String parentId, String name, String nodeType, List<String> aspects,
                           Map<String, Object> properties) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("nodeType", nodeType);
        if (!aspects.isEmpty()) {
            body.put("aspectNames", aspects);
        }
        if (!properties.isEmpty()) {
            body.put("properties", properties);
        }
        return node(entry(http.post().uri(b -> b.path(CORE + "/nodes/{id}/children")
                        .queryParam("include", "properties,aspectNames").build(parentId))
                .header(HttpHeaders.AUTHORIZATION, as.header()).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(Map.class)));
    }

    /**
     * Uploads a file (multipart {@code filedata}) with its type, aspects and properties in the same request, so the node
     * never exists untyped. Alfresco runs metadata extraction on a multipart upload.
     */
    public Node upload(Credentials as, String parentId, String name, String mediaType, byte[] bytes, String nodeType,
                       List<String> aspects, Map<String, String> properties) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        HttpHeaders fileHeaders = new HttpHeaders();
        fileHeaders.setContentType(MediaType.parseMediaType(mediaType));
        form.add("filedata", new org.springframework.http.HttpEntity<>(new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        }, fileHeaders));
        form.add("name", name);
        form.add("nodeType", nodeType);
        if (!aspects.isEmpty()) {
            form.add("aspectNames", String.join(",", aspects));
        }
        properties.forEach(form::add);
        return node(entry(http.post().uri(b -> b.path(CORE + "/nodes/{id}/children")
                        .queryParam("include", "properties,aspectNames").build(parentId))
                .header(HttpHeaders.AUTHORIZATION, as.header()).contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .retrieve().body(Map.class)));
    }

    /** Sets properties and the complete aspect list (NodeBodyUpdate wants string property values). */
    public Node update(Credentials as, String nodeId, List<String> aspects, Map<String, String> properties) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("aspectNames", aspects);
        body.put("properties", properties);
        return node(entry(http.put().uri(b -> b.path(CORE + "/nodes/{id}")
                        .queryParam("include", "properties,aspectNames").build(nodeId))
                .header(HttpHeaders.AUTHORIZATION, as.header()).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(Map.class)));
    }

    public Node move(Credentials as, String nodeId, String targetParentId) {
        return node(entry(http.post().uri(CORE + "/nodes/{id}/move", nodeId).header(HttpHeaders.AUTHORIZATION, as.header())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("targetParentId", targetParentId))
                .retrieve().body(Map.class)));
    }

    public byte[] content(Credentials as, String nodeId) {
        return http.get().uri(CORE + "/nodes/{id}/content", nodeId).header(HttpHeaders.AUTHORIZATION, as.header())
                .retrieve().body(byte[].class);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static boolean created(Runnable call) {
        try {
            call.run();
            return true;
        } catch (AlfrescoException e) {
            if (e.status() == 409) {
                return false;
            }
            throw e;
        }
    }

    private static Map<?, ?> entry(Map<?, ?> body) {
        if (body == null || !(body.get("entry") instanceof Map<?, ?> entry)) {
            throw new AlfrescoException(502, "answer without an entry");
        }
        return entry;
    }

    private static List<Map<?, ?>> entries(Map<?, ?> page) {
        if (page == null || !(page.get("list") instanceof Map<?, ?> list) || !(list.get("entries") instanceof List<?> e)) {
            throw new AlfrescoException(502, "answer without a list");
        }
        return e.stream().<Map<?, ?>>map(x -> (Map<?, ?>) ((Map<?, ?>) x).get("entry")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Node node(Map<?, ?> e) {
        return new Node((String) e.get("id"), (String) e.get("name"), (String) e.get("nodeType"), (String) e.get("parentId"),
                e.get("aspectNames") instanceof List<?> a ? (List<String>) a : List.of(),
                e.get("properties") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of());
    }
}
