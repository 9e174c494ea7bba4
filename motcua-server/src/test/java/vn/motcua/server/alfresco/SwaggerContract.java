package vn.motcua.server.alfresco;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Alfresco's published REST contract (the Swagger 2.0 files in {@code ${motcua.shared}/alfresco/openapi}), read with
 * SnakeYAML and checked by hand: no Swagger-2.0 validator on Maven Central works with Jackson 3 without dragging a second
 * JSON stack and the v2→v3 converter in. Requests are checked strictly (unknown query parameters and unknown body fields are
 * violations, as Alfresco's REST framework rejects them); responses are checked against the declared status and schema.
 */
final class SwaggerContract {

    private final List<Operation> operations = new ArrayList<>();

    record Operation(String file, String method, String template, Pattern regex, int literalChars,
                     Map<String, Object> spec, Map<String, Object> root, List<Map<String, Object>> parameters) {

        String id() {
            return method.toUpperCase(Locale.ROOT) + " " + template + " (" + file + ")";
        }

        @SuppressWarnings("unchecked")
        List<String> consumes() {
            Object c = spec.getOrDefault("consumes", root.get("consumes"));
            return c == null ? List.of("application/json") : (List<String>) c;
        }
    }

    static Path sharedDir() {
        return Path.of(System.getProperty("motcua.shared", "../shared"));
    }

    static Optional<SwaggerContract> load() throws IOException {
        Path dir = sharedDir().resolve("alfresco/openapi");
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        SwaggerContract contract = new SwaggerContract();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path file : files) {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(50 * 1024 * 1024);
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                contract.add(file.getFileName().toString(), new Yaml(new SafeConstructor(options)).load(r));
            }
        }
        return Optional.of(contract);
    }

    @SuppressWarnings("unchecked")
    private void add(String file, Map<String, Object> root) {
        String base = (String) root.getOrDefault("basePath", "");
        Map<String, Object> paths = (Map<String, Object>) root.get("paths");
        paths.forEach((template, value) -> {
            Map<String, Object> pathItem = (Map<String, Object>) value;
            List<Map<String, Object>> shared = (List<Map<String, Object>>) pathItem.getOrDefault("parameters", List.of());
            StringBuilder regex = new StringBuilder();
            Matcher m = Pattern.compile("\\{[^}]+}").matcher(template);
            int last = 0;
            int literal = 0;
            while (m.find()) {
                regex.append(Pattern.quote(template.substring(last, m.start()))).append("[^/]+");
                literal += m.start() - last;
                last = m.end();
            }
            regex.append(Pattern.quote(template.substring(last)));
            literal += template.length() - last;
            for (String method : List.of("get", "post", "put", "delete", "patch", "head", "options")) {
                if (pathItem.get(method) instanceof Map<?, ?> op) {
                    List<Map<String, Object>> params = new ArrayList<>();
                    for (Map<String, Object> p : shared) {
                        params.add(resolve(root, p));
                    }
                    for (Map<String, Object> p : (List<Map<String, Object>>) ((Map<String, Object>) op)
                            .getOrDefault("parameters", List.of())) {
                        params.add(resolve(root, p));
                    }
                    operations.add(new Operation(file, method, base + template,
                            Pattern.compile(Pattern.quote(base) + regex), literal, (Map<String, Object>) op, root, params));
                }
            }
        });
    }

    /** The operation a request addresses: the most literal path template that matches, with that method. */
    Optional<Operation> find(String method, String path) {
        Operation best = null;
        for (Operation op : operations) {
            if (op.method.equalsIgnoreCase(method) && op.regex.matcher(path).matches()
                    && (best == null || op.literalChars > best.literalChars)) {
                best = op;
            }
        }
        return Optional.ofNullable(best);
    }

    boolean pathExists(String path) {
        return operations.stream().anyMatch(op -> op.regex.matcher(path).matches());
    }

    /** One multipart part as the stub parsed it. */
    record Part(String name, String fileName, byte[] bytes) {
    }

    /**
     * Violations of one request. {@code json} is the parsed JSON body (null when none), {@code parts} the multipart parts
     * (null unless the body is multipart).
     */
    @SuppressWarnings("unchecked")
    List<String> checkRequest(Operation op, String path, Map<String, List<String>> query, String contentType,
                              Object json, List<Part> parts) {
        List<String> v = new ArrayList<>();
        String where = op.id();
        Set<String> declaredQuery = new LinkedHashSet<>();
        for (Map<String, Object> p : op.parameters) {
            String in = (String) p.get("in");
            String name = (String) p.get("name");
            boolean required = Boolean.TRUE.equals(p.get("required"));
            switch (in) {
                case "query" -> {
                    declaredQuery.add(name);
                    List<String> values = query.get(name);
                    if (values == null) {
                        if (required) {
                            v.add(where + ": required query parameter " + name + " missing");
                        }
                    } else {
                        for (String value : values) {
                            checkSimple(where + " query " + name, p, value, v);
                        }
                    }
                }
                case "path" -> {
                    // Matched by the template; path values are strings in every Alfresco spec.
                }
                case "body" -> {
                    if (parts != null) {
                        if (!op.consumes().contains("multipart/form-data")) {
                            v.add(where + ": multipart body not accepted");
                        }
                    } else if (json == null) {
                        if (required) {
                            v.add(where + ": required JSON body missing");
                        }
                    } else {
                        if (contentType == null || !contentType.startsWith("application/json")) {
                            v.add(where + ": JSON body sent as " + contentType);
                        }
                        checkSchema(op.root, (Map<String, Object>) p.get("schema"), json, where + " body", true, v);
                    }
                }
                default -> {
                }
            }
        }
        for (String name : query.keySet()) {
            if (!declaredQuery.contains(name)) {
                v.add(where + ": query parameter " + name + " is not in the spec");
            }
        }
        if (parts != null) {
            checkMultipart(op, parts, v);
        }
        boolean hasBody = op.parameters.stream().anyMatch(p -> "body".equals(p.get("in"))
                || "formData".equals(p.get("in")));
        if (!hasBody && (json != null || parts != null)) {
            v.add(where + ": a body was sent to an operation that takes none");
        }
        return v;
    }

    /**
     * Multipart uploads (createNode) declare no formData parameters; the allowed fields are the ones its description
     * names in bold in the "Using multipart/form-data" section, and any other field must be a property QName
     * ("Any other field provided will be treated as a property").
     */
    private static void checkMultipart(Operation op, List<Part> parts, List<String> v) {
        String description = String.valueOf(op.spec.get("description"));
        int start = description.indexOf("multipart/form-data");
        int end = description.indexOf("**Using JSON**");
        if (start < 0) {
            v.add(op.id() + ": multipart not described");
            return;
        }
        Set<String> fields = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\\*\\*([A-Za-z]+)\\*\\*")
                .matcher(description.substring(start, end < 0 ? description.length() : end));
        while (m.find()) {
            fields.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        long files = parts.stream().filter(p -> p.name().equals("filedata")).count();
        if (files != 1) {
            v.add(op.id() + ": multipart needs exactly one filedata part, got " + files);
        }
        for (Part part : parts) {
            String name = part.name().toLowerCase(Locale.ROOT);
            if (!fields.contains(name) && !part.name().matches("[a-z]+:[A-Za-z0-9]+")) {
                v.add(op.id() + ": multipart field " + part.name() + " is neither documented nor a property QName");
            }
            if (name.equals("filedata") && part.fileName() == null) {
                v.add(op.id() + ": filedata without a file name");
            }
        }
    }

    /** Violations of one response. */
    @SuppressWarnings("unchecked")
    List<String> checkResponse(Operation op, int status, String contentType, Object json) {
        List<String> v = new ArrayList<>();
        Map<String, Object> responses = (Map<String, Object>) op.spec.get("responses");
        Object declared = responses.get(String.valueOf(status));
        if (declared == null) {
            declared = responses.get(status);
        }
        if (declared == null) {
            declared = responses.get("default");
            if (declared == null) {
                v.add(op.id() + ": status " + status + " not declared");
                return v;
            }
        }
        Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) declared).get("schema");
        if (schema != null && "file".equals(schema.get("type"))) {
            return v;
        }
        if (schema != null) {
            if (json == null) {
                v.add(op.id() + ": status " + status + " needs a JSON body");
            } else {
                if (contentType == null || !contentType.startsWith("application/json")) {
                    v.add(op.id() + ": response " + status + " is " + contentType + ", not JSON");
                }
                checkSchema(op.root, schema, json, op.id() + " response " + status, false, v);
            }
        }
        return v;
    }

    private static void checkSimple(String where, Map<String, Object> p, String value, List<String> v) {
        String type = (String) p.get("type");
        if ("array".equals(type)) {
            return;
        }
        Object typed = switch (type == null ? "string" : type) {
            case "boolean" -> value.equals("true") || value.equals("false") ? Boolean.valueOf(value) : null;
            case "integer" -> value.matches("-?[0-9]+") ? Long.valueOf(value) : null;
            case "number" -> value.matches("-?[0-9.eE+-]+") ? Double.valueOf(value) : null;
            default -> value;
        };
        if (typed == null) {
            v.add(where + ": '" + value + "' is not a " + type);
        } else {
            checkSchema(Map.of(), p, typed, where, true, v);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> root, Map<String, Object> node) {
        Object ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        String[] parts = ((String) ref).substring(2).split("/");
        Object target = root;
        for (String part : parts) {
            target = ((Map<String, Object>) target).get(part);
            if (target == null) {
                throw new IllegalStateException("unresolved " + ref);
            }
        }
        return resolve(root, (Map<String, Object>) target);
    }

    /** JSON-schema subset Swagger 2.0 uses: $ref, allOf, type, required, properties, additionalProperties, items, enum, pattern, format. */
    @SuppressWarnings("unchecked")
    static void checkSchema(Map<String, Object> root, Map<String, Object> schema, Object value, String where,
                            boolean strictObjects, List<String> v) {
        schema = resolve(root, schema);
        if (schema.get("allOf") instanceof List<?> all) {
            Map<String, Object> merged = new LinkedHashMap<>();
            Map<String, Object> props = new LinkedHashMap<>();
            List<Object> required = new ArrayList<>();
            for (Object part : all) {
                Map<String, Object> s = resolve(root, (Map<String, Object>) part);
                props.putAll((Map<String, Object>) s.getOrDefault("properties", Map.of()));
                required.addAll((Collection<Object>) s.getOrDefault("required", List.of()));
            }
            merged.put("type", "object");
            merged.put("properties", props);
            merged.put("required", required);
            checkSchema(root, merged, value, where, strictObjects, v);
            return;
        }
        if (value == null) {
            v.add(where + ": null value");
            return;
        }
        String type = (String) schema.get("type");
        if (type == null && schema.containsKey("properties")) {
            type = "object";
        }
        if (schema.get("enum") instanceof List<?> allowed && !allowed.contains(value)
                && allowed.stream().noneMatch(a -> String.valueOf(a).equals(String.valueOf(value)))) {
            v.add(where + ": " + value + " not in " + allowed);
        }
        if (type == null) {
            return;
        }
        switch (type) {
            case "object" -> {
                if (!(value instanceof Map<?, ?> map)) {
                    v.add(where + ": expected an object, got " + value.getClass().getSimpleName());
                    return;
                }
                Map<String, Object> props = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
                for (Object r : (Collection<Object>) schema.getOrDefault("required", List.of())) {
                    if (!map.containsKey(r)) {
                        v.add(where + ": required field " + r + " missing");
                    }
                }
                Object additional = schema.get("additionalProperties");
                map.forEach((k, val) -> {
                    Object prop = props.get(k);
                    if (prop != null) {
                        checkSchema(root, (Map<String, Object>) prop, val, where + "." + k, strictObjects, v);
                    } else if (additional instanceof Map<?, ?> addSchema) {
                        checkSchema(root, (Map<String, Object>) addSchema, val, where + "." + k, strictObjects, v);
                    } else if (strictObjects && !props.isEmpty()) {
                        v.add(where + ": field " + k + " is not in the schema");
                    }
                });
            }
            case "array" -> {
                if (!(value instanceof List<?> list)) {
                    v.add(where + ": expected an array");
                    return;
                }
                if (schema.get("items") instanceof Map<?, ?> items) {
                    for (int i = 0; i < list.size(); i++) {
                        checkSchema(root, (Map<String, Object>) items, list.get(i), where + "[" + i + "]", strictObjects, v);
                    }
                }
            }
            case "string" -> {
                if (!(value instanceof String s)) {
                    v.add(where + ": expected a string, got " + value.getClass().getSimpleName());
                    return;
                }
                if (schema.get("pattern") instanceof String pattern && !Pattern.compile(pattern).matcher(s).find()) {
                    v.add(where + ": '" + s + "' does not match " + pattern);
                }
                String format = (String) schema.get("format");
                try {
                    if ("date-time".equals(format)) {
                        OffsetDateTime.parse(s);
                    } else if ("date".equals(format)) {
                        LocalDate.parse(s);
                    }
                } catch (RuntimeException e) {
                    v.add(where + ": '" + s + "' is not a " + format);
                }
            }
            case "integer" -> {
                if (!(value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger
                        || value instanceof Short)) {
                    v.add(where + ": expected an integer, got " + value);
                }
            }
            case "number" -> {
                if (!(value instanceof Number)) {
                    v.add(where + ": expected a number, got " + value);
                }
            }
            case "boolean" -> {
                if (!(value instanceof Boolean)) {
                    v.add(where + ": expected a boolean, got " + value);
                }
            }
            default -> {
            }
        }
    }
}
