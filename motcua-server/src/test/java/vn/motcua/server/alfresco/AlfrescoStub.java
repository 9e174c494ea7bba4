package vn.motcua.server.alfresco;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-memory Alfresco on 127.0.0.1 (JDK HttpServer) that checks every request it receives and every response it sends
 * against Alfresco's published Swagger 2.0 specs ({@link SwaggerContract}). A request the spec does not allow is recorded
 * as a violation and answered 400; tests assert {@link #violations()} is empty. It implements just the repository
 * behaviour the server's Alfresco mode relies on: tickets, people's groups, sites with a document library, groups and site
 * group members, nodes (create as JSON or multipart, get with relativePath, update, move, content).
 */
final class AlfrescoStub implements AutoCloseable {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SwaggerContract contract;
    private final int port;
    private HttpServer server;

    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();

    final Map<String, StubNode> nodes = new ConcurrentHashMap<>();
    final Map<String, String> sites = new ConcurrentHashMap<>();            // site id -> documentLibrary node id
    final Map<String, String> groups = new ConcurrentHashMap<>();           // group id -> display name
    final Map<String, Map<String, String>> siteGroups = new ConcurrentHashMap<>(); // site -> group -> role
    final Map<String, String> passwords = new ConcurrentHashMap<>();
    final Map<String, Set<String>> memberships = new ConcurrentHashMap<>(); // user -> groups
    private final Map<String, String> tickets = new ConcurrentHashMap<>();   // ticket -> user
    private final String sitesFolder;

    static final class StubNode {
        final String id = UUID.randomUUID().toString();
        String name;
        String nodeType;
        String parentId;
        final boolean folder;
        final List<String> aspects = new ArrayList<>();
        final Map<String, Object> properties = new LinkedHashMap<>();
        byte[] content;
        String mimeType;
        final String createdBy;
        final Instant createdAt = Instant.now();

        StubNode(String name, String nodeType, String parentId, boolean folder, String createdBy) {
            this.name = name;
            this.nodeType = nodeType;
            this.parentId = parentId;
            this.folder = folder;
            this.createdBy = createdBy;
        }
    }

    private record Response(int status, Object json, byte[] bytes, String contentType) {
        static Response json(int status, Object body) {
            return new Response(status, body, null, "application/json");
        }

        static Response empty(int status) {
            return new Response(status, null, null, null);
        }
    }

    private AlfrescoStub(SwaggerContract contract) throws IOException {
        this.contract = contract;
        passwords.put(ADMIN, ADMIN_PASSWORD);
        StubNode root = new StubNode("Company Home", "cm:folder", null, true, "System");
        nodes.put(root.id, root);
        StubNode sitesNode = new StubNode("Sites", "st:sites", root.id, true, "System");
        nodes.put(sitesNode.id, sitesNode);
        sitesFolder = sitesNode.id;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        port = server.getAddress().getPort();
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a stub, or returns empty (after printing why) when the reference specs are absent. */
    static Optional<AlfrescoStub> start() throws IOException {
        Optional<SwaggerContract> contract = SwaggerContract.load();
        if (contract.isEmpty()) {
            System.out.println("SKIPPED: Alfresco's REST specs not found under " + SwaggerContract.sharedDir().toAbsolutePath()
                    + "/alfresco/openapi (set -Dmotcua.shared)");
            return Optional.empty();
        }
        return Optional.of(new AlfrescoStub(contract.get()));
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Alfresco goes down: connections are refused until {@link #up()}. */
    synchronized void down() {
        server.stop(0);
        server = null;
    }

    synchronized void up() throws IOException {
        if (server == null) {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            server.createContext("/", this::handle);
            server.start();
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
        }
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    /** "METHOD path by user" of every request that passed the contract check. */
    List<String> calls() {
        return List.copyOf(calls);
    }

    void addUser(String userId, String password, String... groupIds) {
        passwords.put(userId, password);
        memberships.put(userId, new LinkedHashSet<>(List.of(groupIds)));
    }

    List<StubNode> children(String parentId) {
        return nodes.values().stream().filter(n -> parentId.equals(n.parentId)).toList();
    }

    Optional<StubNode> byName(String parentId, String name) {
        return children(parentId).stream().filter(n -> n.name.equals(name)).findFirst();
    }

    /** The path of a node's names from the site's document library, e.g. "mc-doan-ket/Tiếp nhận/CODE". */
    String sitePath(StubNode node) {
        List<String> names = new ArrayList<>();
        StubNode n = node;
        while (n != null && !sitesFolder.equals(n.parentId)) {
            if (!n.name.equals("documentLibrary")) {
                names.add(n.name);
            }
            n = n.parentId == null ? null : nodes.get(n.parentId);
        }
        if (n != null) {
            names.add(n.name);
        }
        Collections.reverse(names);
        return String.join("/", names);
    }

    // ---- HTTP --------------------------------------------------------------------------------------------------------

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getPath();
            Map<String, List<String>> query = query(ex.getRequestURI().getRawQuery());
            String contentType = ex.getRequestHeaders().getFirst("Content-Type");
            byte[] body = ex.getRequestBody().readAllBytes();

            Optional<SwaggerContract.Operation> op = contract.find(method, path);
            if (op.isEmpty()) {
                violations.add(method + " " + path + ": no such operation in the spec");
                send(ex, Response.json(contract.pathExists(path) ? 405 : 404, error(404, "no such operation")));
                return;
            }
            Object json = null;
            List<SwaggerContract.Part> parts = null;
            List<String> problems = new ArrayList<>();
            if (body.length > 0) {
                if (contentType != null && contentType.startsWith("multipart/form-data")) {
                    parts = multipart(contentType, body, problems);
                } else {
                    try {
                        json = JSON.readValue(body, Object.class);
                    } catch (RuntimeException e) {
                        problems.add(method + " " + path + ": body is not JSON");
                    }
                }
            }
            problems.addAll(contract.checkRequest(op.get(), path, query, contentType, json, parts));
            Response response;
            if (!problems.isEmpty()) {
                violations.addAll(problems);
                response = Response.json(400, error(400, String.join("; ", problems)));
            } else {
                String user = authenticate(ex.getRequestHeaders().getFirst("Authorization"));
                calls.add(method + " " + path + " by " + user);
                boolean login = method.equals("POST") && path.endsWith("/authentication/versions/1/tickets");
                if (user == null && !login) {
                    response = Response.json(401, error(401, "Authentication failed"));
                } else {
                    response = route(method, path, query, json, parts, user);
                }
            }
            if (response.json() != null) {
                Object roundTrip = JSON.readValue(JSON.writeValueAsBytes(response.json()), Object.class);
                violations.addAll(contract.checkResponse(op.get(), response.status(), response.contentType(), roundTrip));
            } else {
                violations.addAll(contract.checkResponse(op.get(), response.status(), response.contentType(), null));
            }
            send(ex, response);
        } catch (RuntimeException e) {
            violations.add("stub failure: " + e);
            throw e;
        }
    }

    private static void send(HttpExchange ex, Response r) throws IOException {
        byte[] bytes = r.json() != null ? JSON.writeValueAsBytes(r.json()) : r.bytes();
        if (r.contentType() != null) {
            ex.getResponseHeaders().set("Content-Type", r.contentType());
        }
        ex.sendResponseHeaders(r.status(), bytes == null || bytes.length == 0 ? -1 : bytes.length);
        if (bytes != null && bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
    }

    private String authenticate(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return null;
        }
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        if (tickets.containsKey(decoded)) {
            return tickets.get(decoded);
        }
        int colon = decoded.indexOf(':');
        if (colon > 0 && decoded.substring(colon + 1).equals(passwords.get(decoded.substring(0, colon)))) {
            return decoded.substring(0, colon);
        }
        return null;
    }

    // ---- repository behaviour ----------------------------------------------------------------------------------------

    private static final String CORE = AlfrescoClient.CORE;
    private static final Pattern NODE = Pattern.compile(Pattern.quote(CORE) + "/nodes/([^/]+)(/[a-z-]+)?");
    private static final Pattern PERSON_GROUPS = Pattern.compile(Pattern.quote(CORE) + "/people/([^/]+)/groups");
    private static final Pattern SITE = Pattern.compile(Pattern.quote(CORE) + "/sites/([^/]+)(/.*)?");

    @SuppressWarnings("unchecked")
    private Response route(String method, String path, Map<String, List<String>> query, Object json,
                           List<SwaggerContract.Part> parts, String user) {
        if (path.equals(AlfrescoClient.AUTH + "/tickets") && method.equals("POST")) {
            Map<String, Object> b = (Map<String, Object>) json;
            String userId = (String) b.get("userId");
            if (userId == null || !String.valueOf(b.get("password")).equals(passwords.get(userId))) {
                return Response.json(403, error(403, "Login failed"));
            }
            String ticket = "TICKET_" + UUID.randomUUID().toString().replace("-", "");
            tickets.put(ticket, userId);
            return Response.json(201, Map.of("entry", Map.of("id", ticket, "userId", userId)));
        }
        Matcher people = PERSON_GROUPS.matcher(path);
        if (people.matches() && method.equals("GET")) {
            String person = people.group(1).equals("-me-") ? user : people.group(1);
            if (!person.equals(user) && !ADMIN.equals(user)) {
                return Response.json(403, error(403, "Permission denied"));
            }
            if (!person.equals(user) && !passwords.containsKey(person)) {
                return Response.json(404, error(404, "The entity with id: " + person + " was not found"));
            }
            List<Object> entries = memberships.getOrDefault(person, Set.of()).stream()
                    .map(g -> (Object) Map.of("entry", Map.of("id", g, "displayName", groups.getOrDefault(g, g),
                            "isRoot", true)))
                    .toList();
            return Response.json(200, page(entries));
        }
        if (path.equals(CORE + "/sites") && method.equals("POST")) {
            Map<String, Object> b = (Map<String, Object>) json;
            String id = (String) b.get("id");
            if (sites.containsKey(id)) {
                return Response.json(409, error(409, "site exists"));
            }
            StubNode siteNode = new StubNode(id, "st:site", sitesFolder, true, user);
            nodes.put(siteNode.id, siteNode);
            StubNode library = new StubNode("documentLibrary", "cm:folder", siteNode.id, true, user);
            nodes.put(library.id, library);
            sites.put(id, library.id);
            siteGroups.put(id, new ConcurrentHashMap<>());
            return Response.json(201, Map.of("entry", Map.of("id", id, "guid", siteNode.id, "title", b.get("title"),
                    "visibility", b.get("visibility"), "role", "SiteManager")));
        }
        Matcher site = SITE.matcher(path);
        if (site.matches()) {
            String id = site.group(1);
            if (!sites.containsKey(id)) {
                return Response.json(404, error(404, "no site " + id));
            }
            String rest = site.group(2) == null ? "" : site.group(2);
            if (rest.equals("/containers/documentLibrary") && method.equals("GET")) {
                return Response.json(200, Map.of("entry", Map.of("id", sites.get(id), "folderId", "documentLibrary")));
            }
            if (rest.equals("/group-members") && method.equals("POST")) {
                Map<String, Object> b = (Map<String, Object>) json;
                String group = (String) b.get("id");
                if (!groups.containsKey(group)) {
                    return Response.json(404, error(404, "no group"));
                }
                if (siteGroups.get(id).putIfAbsent(group, (String) b.get("role")) != null) {
                    return Response.json(409, error(409, "already a member"));
                }
                return Response.json(201, Map.of("entry", Map.of("id", group, "role", b.get("role"),
                        "group", Map.of("id", group, "displayName", groups.get(group), "memberType", "GROUP"))));
            }
            return Response.json(404, error(404, "not implemented by the stub"));
        }
        if (path.equals(CORE + "/groups") && method.equals("POST")) {
            Map<String, Object> b = (Map<String, Object>) json;
            String id = (String) b.get("id");
            if (groups.putIfAbsent(id, (String) b.get("displayName")) != null) {
                return Response.json(409, error(409, "group exists"));
            }
            return Response.json(201, Map.of("entry", Map.of("id", id, "displayName", b.get("displayName"), "isRoot", true)));
        }
        Matcher nodeMatch = NODE.matcher(path);
        if (nodeMatch.matches()) {
            return node(method, nodeMatch.group(1), nodeMatch.group(2) == null ? "" : nodeMatch.group(2), query, json,
                    parts, user);
        }
        return Response.json(404, error(404, "not implemented by the stub"));
    }

    @SuppressWarnings("unchecked")
    private Response node(String method, String id, String rest, Map<String, List<String>> query, Object json,
                          List<SwaggerContract.Part> parts, String user) {
        StubNode node = nodes.get(id);
        if (node == null) {
            return Response.json(404, error(404, "no node " + id));
        }
        boolean include = query.containsKey("include");
        switch (method + " " + rest) {
            case "GET " -> {
                String relative = query.getOrDefault("relativePath", List.of("")).get(0);
                for (String name : relative.split("/")) {
                    if (!name.isEmpty()) {
                        Optional<StubNode> child = byName(node.id, name);
                        if (child.isEmpty()) {
                            return Response.json(404, error(404, "no " + relative));
                        }
                        node = child.get();
                    }
                }
                return Response.json(200, Map.of("entry", entry(node, include)));
            }
            case "POST /children" -> {
                if (!node.folder) {
                    return Response.json(400, error(400, "not a folder"));
                }
                StubNode created;
                if (parts != null) {
                    Map<String, String> fields = new LinkedHashMap<>();
                    SwaggerContract.Part file = null;
                    for (SwaggerContract.Part p : parts) {
                        if (p.name().equals("filedata")) {
                            file = p;
                        } else {
                            fields.put(p.name(), new String(p.bytes(), StandardCharsets.UTF_8));
                        }
                    }
                    String name = fields.getOrDefault("name", file.fileName());
                    if (byName(node.id, name).isPresent()) {
                        return Response.json(409, error(409, "name clash"));
                    }
                    created = new StubNode(name, fields.getOrDefault("nodeType", "cm:content"), node.id, false, user);
                    created.content = file.bytes();
                    created.mimeType = "application/octet-stream";
                    fields.forEach((k, v) -> {
                        if (k.equalsIgnoreCase("aspectNames")) {
                            created.aspects.addAll(List.of(v.split(",")));
                        } else if (k.contains(":")) {
                            created.properties.put(k, v);
                        }
                    });
                } else {
                    Map<String, Object> b = (Map<String, Object>) json;
                    String name = (String) b.get("name");
                    if (byName(node.id, name).isPresent()) {
                        return Response.json(409, error(409, "name clash"));
                    }
                    String type = (String) b.get("nodeType");
                    created = new StubNode(name, type, node.id, !type.equals("cm:content"), user);
                    created.aspects.addAll((List<String>) b.getOrDefault("aspectNames", List.of()));
                    created.properties.putAll((Map<String, Object>) b.getOrDefault("properties", Map.of()));
                }
                nodes.put(created.id, created);
                return Response.json(201, Map.of("entry", entry(created, include)));
            }
            case "PUT " -> {
                Map<String, Object> b = (Map<String, Object>) json;
                if (b.get("aspectNames") instanceof List<?> aspects) {
                    node.aspects.clear();
                    node.aspects.addAll((List<String>) aspects);
                }
                if (b.get("properties") instanceof Map<?, ?> props) {
                    node.properties.putAll((Map<String, Object>) props);
                }
                if (b.get("name") instanceof String name) {
                    node.name = name;
                }
                return Response.json(200, Map.of("entry", entry(node, include)));
            }
            case "POST /move" -> {
                String target = (String) ((Map<String, Object>) json).get("targetParentId");
                if (!nodes.containsKey(target)) {
                    return Response.json(404, error(404, "no target"));
                }
                if (byName(target, node.name).isPresent() && !target.equals(node.parentId)) {
                    return Response.json(409, error(409, "name clash"));
                }
                node.parentId = target;
                return Response.json(200, Map.of("entry", entry(node, include)));
            }
            case "GET /content" -> {
                if (node.content == null) {
                    return Response.json(404, error(404, "no content"));
                }
                return new Response(200, null, node.content, node.mimeType);
            }
            default -> {
                return Response.json(404, error(404, "not implemented by the stub"));
            }
        }
    }

    private Map<String, Object> entry(StubNode n, boolean include) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", n.id);
        e.put("name", n.name);
        e.put("nodeType", n.nodeType);
        e.put("isFolder", n.folder);
        e.put("isFile", !n.folder);
        e.put("createdAt", n.createdAt.toString());
        e.put("createdByUser", Map.of("id", n.createdBy, "displayName", n.createdBy));
        e.put("modifiedAt", n.createdAt.toString());
        e.put("modifiedByUser", Map.of("id", n.createdBy, "displayName", n.createdBy));
        if (n.parentId != null) {
            e.put("parentId", n.parentId);
        }
        if (n.content != null) {
            e.put("content", Map.of("mimeType", n.mimeType, "sizeInBytes", n.content.length));
        }
        if (include) {
            e.put("aspectNames", List.copyOf(n.aspects));
            e.put("properties", new LinkedHashMap<>(n.properties));
        }
        return e;
    }

    private static Map<String, Object> page(List<Object> entries) {
        return Map.of("list", Map.of("pagination", Map.of("count", entries.size(), "hasMoreItems", false,
                "totalItems", entries.size(), "skipCount", 0, "maxItems", 1000), "entries", entries));
    }

    static Map<String, Object> error(int status, String summary) {
        return Map.of("error", Map.of("statusCode", status, "briefSummary", summary, "stackTrace", "",
                "descriptionURL", "https://api-explorer.alfresco.com"));
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return q;
    }

    /** A small multipart/form-data reader: enough to see every part's name, file name and bytes. */
    static List<SwaggerContract.Part> multipart(String contentType, byte[] body, List<String> problems) {
        Matcher b = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
        if (!b.find()) {
            problems.add("multipart without boundary");
            return List.of();
        }
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + b.group(1);
        List<SwaggerContract.Part> parts = new ArrayList<>();
        for (String chunk : text.split(Pattern.quote(delimiter))) {
            if (chunk.isEmpty() || chunk.startsWith("--")) {
                continue;
            }
            int headerEnd = chunk.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                problems.add("malformed multipart part");
                continue;
            }
            String headers = chunk.substring(0, headerEnd);
            String content = chunk.substring(headerEnd + 4);
            if (content.endsWith("\r\n")) {
                content = content.substring(0, content.length() - 2);
            }
            Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(headers);
            Matcher file = Pattern.compile("filename=\"([^\"]*)\"").matcher(headers);
            if (!name.find()) {
                problems.add("multipart part without a name");
                continue;
            }
            String fileName = file.find() ? new String(file.group(1).getBytes(StandardCharsets.ISO_8859_1),
                    StandardCharsets.UTF_8) : null;
            parts.add(new SwaggerContract.Part(name.group(1), fileName, content.getBytes(StandardCharsets.ISO_8859_1)));
        }
        return parts;
    }
}
