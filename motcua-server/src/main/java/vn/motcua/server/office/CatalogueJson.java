package vn.motcua.server.office;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.motcua.domain.calendar.TimeLimit;
import vn.motcua.domain.office.OfficeLevel;
import vn.motcua.domain.office.Role;
import vn.motcua.domain.procedure.Component;
import vn.motcua.domain.procedure.Fee;
import vn.motcua.domain.procedure.OnlineLevel;
import vn.motcua.domain.procedure.ProcessingStep;
import vn.motcua.domain.procedure.Procedure;
import vn.motcua.domain.procedure.Retention;
import vn.motcua.domain.procedure.StepKind;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The procedure catalogue's JSON exchange format, schema {@value #SCHEMA}: {@code {"schema": ..., "procedures": [...]}}
 * with one object per version and every field of {@link Procedure} (optional values written as {@code null}). Reading
 * checks everything before anything is built and reports the first {@value #MAX_ERRORS} errors with their JSON path, so a
 * bad file is refused as a whole with a message the administrator can act on.
 */
final class CatalogueJson {

    static final String SCHEMA = "motcua-catalogue/1";
    static final int MAX_ERRORS = 20;
    static final int MAX_DEPTH = 16;
    static final int MAX_TEXT = 2000;

    private static final Pattern CODE = Pattern.compile("\\d\\.\\d{6}");
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                            .maxStringLength(1_000_000).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();
    private static final JsonMapper COMPACT = JsonMapper.builder().build();

    static final Set<String> VERSION_FIELDS = Set.of("code", "version", "name", "field", "competentLevel",
            "competentOfficeId", "timeLimit", "sameDayCutOff", "fee", "onlineLevel", "legacyOnlineLevel", "interconnected",
            "pausesForSupplement", "retentionYears", "validFrom", "validUntil", "components", "steps");
    private static final Set<String> OPTIONAL_FIELDS = Set.of("competentOfficeId", "retentionYears", "validUntil");

    private CatalogueJson() {
    }

    /** One error of a refused file: where ({@code $.procedures[2].steps[0].sharePercent}) and what (a message key). */
    record Problem(String path, String key, List<Object> args) {
        Problem(String path, String key, Object... args) {
            this(path, key, List.of(args));
        }
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** The whole catalogue, versions in catalogue order. */
    static byte[] write(List<Procedure> procedures) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        ArrayNode list = root.putArray("procedures");
        procedures.forEach(p -> list.add(node(p)));
        return JSON.writeValueAsBytes(root);
    }

    /** One version as stored in admin_procedure_version.definition. */
    static String writeStored(Procedure p) {
        return COMPACT.writeValueAsString(node(p));
    }

    /** Reads a stored version back; the database only holds versions this class wrote after checking them. */
    static Procedure readStored(String json) {
        List<Problem> problems = new ArrayList<>();
        Procedure p = version(JSON.readTree(json), "$", problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("stored procedure version is invalid: " + problems);
        }
        return p;
    }

    static ObjectNode node(Procedure p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("code", p.nationalCode());
        n.put("version", p.version());
        texts(n.putObject("name"), p.nameVi(), p.nameEn());
        texts(n.putObject("field"), p.fieldVi(), p.fieldEn());
        n.put("competentLevel", p.competentLevel().name());
        n.put("competentOfficeId", p.competentOfficeId().orElse(null));
        ObjectNode time = n.putObject("timeLimit");
        time.put("amount", p.timeLimit().amount());
        time.put("unit", p.timeLimit().unit().name());
        n.put("sameDayCutOff", p.sameDayCutOff());
        ObjectNode fee = n.putObject("fee");
        if (p.fee().amountVnd().isPresent()) {
            fee.put("amountVnd", p.fee().amountVnd().getAsLong());
        } else {
            fee.putNull("amountVnd");
        }
        texts(fee, p.fee().textVi(), p.fee().textEn());
        n.put("onlineLevel", p.onlineLevel().name());
        n.put("legacyOnlineLevel", p.legacyOnlineLevel());
        n.put("interconnected", p.interconnected());
        n.put("pausesForSupplement", p.pausesForSupplement());
        if (p.retention().years().isPresent()) {
            n.put("retentionYears", p.retention().years().getAsInt());
        } else {
            n.putNull("retentionYears");
        }
        n.put("validFrom", p.validFrom().toString());
        n.put("validUntil", p.validUntil().map(LocalDate::toString).orElse(null));
        ArrayNode components = n.putArray("components");
        for (Component c : p.components()) {
            ObjectNode cn = components.addObject();
            cn.put("key", c.key());
            texts(cn.putObject("name"), c.nameVi(), c.nameEn());
            cn.put("form", c.form().name());
            cn.put("quantity", c.quantity());
            cn.put("mandatory", c.mandatory());
        }
        ArrayNode steps = n.putArray("steps");
        for (ProcessingStep s : p.steps()) {
            ObjectNode sn = steps.addObject();
            sn.put("kind", s.kind().name());
            sn.put("role", s.role().name());
            sn.put("level", s.level().name());
            sn.put("sharePercent", s.sharePercent());
        }
        return n;
    }

    private static void texts(ObjectNode n, String vi, String en) {
        n.put("vi", vi);
        n.put("en", en);
    }

    /** Parses a file of the schema; throws {@link CatalogueImportException} listing the first problems. */
    static List<Procedure> read(byte[] json) {
        JsonNode root = parse(json);
        List<Problem> problems = new ArrayList<>();
        List<Procedure> versions = new ArrayList<>();
        if (object(root, "$", Set.of("schema", "procedures"), problems)) {
            JsonNode schema = root.get("schema");
            if (schema == null || !schema.isString() || !SCHEMA.equals(schema.stringValue())) {
                problems.add(new Problem("$.schema", "admin.json.schema", schema == null ? "" : schema.toString(), SCHEMA));
            }
            JsonNode list = root.get("procedures");
            if (list == null || !list.isArray()) {
                problems.add(new Problem("$.procedures", list == null ? "admin.json.missing" : "admin.json.type", "array"));
            } else {
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < list.size() && problems.size() < MAX_ERRORS; i++) {
                    String path = "$.procedures[" + i + "]";
                    Procedure p = version(list.get(i), path, problems);
                    if (p != null) {
                        if (!seen.add(LiveCatalogue.key(p))) {
                            problems.add(new Problem(path, "admin.json.duplicate", p.nationalCode(), p.version()));
                        }
                        versions.add(p);
                    }
                }
            }
        }
        refuseIf(problems);
        return versions;
    }

    /** A tree of at most {@value #MAX_DEPTH} levels, or the problem of a malformed or hostile document. */
    static JsonNode parse(byte[] json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || root.isMissingNode()) {
                throw new CatalogueImportException(List.of(new Problem("$", "admin.json.empty")));
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw new CatalogueImportException(List.of(new Problem("$", "admin.json.tooDeep", MAX_DEPTH)));
        } catch (JacksonException e) {
            var at = e.getLocation();
            throw new CatalogueImportException(List.of(new Problem("$", "admin.json.malformed",
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr())));
        }
    }

    static void refuseIf(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new CatalogueImportException(problems.subList(0, Math.min(problems.size(), MAX_ERRORS)));
        }
    }

    /** One version; null (with the problems added) when anything is wrong. */
    static Procedure version(JsonNode n, String path, List<Problem> problems) {
        int before = problems.size();
        if (!object(n, path, VERSION_FIELDS, problems)) {
            return null;
        }
        for (String f : VERSION_FIELDS) {
            if (!OPTIONAL_FIELDS.contains(f) && !n.has(f)) {
                problems.add(new Problem(path + "." + f, "admin.json.missing"));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        Fields f = new Fields(n, path, problems);
        String code = f.text("code");
        if (code != null && !CODE.matcher(code).matches()) {
            problems.add(new Problem(path + ".code", "admin.json.code", code));
        }
        Integer version = f.integer("version", 1, 9999);
        String[] name = f.texts("name");
        String[] field = f.texts("field");
        OfficeLevel competent = f.enumValue("competentLevel", OfficeLevel.class);
        String competentOffice = f.optionalText("competentOfficeId");
        TimeLimit time = timeLimit(f.child("timeLimit", Set.of("amount", "unit")), problems);
        Boolean cutOff = f.bool("sameDayCutOff");
        Fee fee = fee(f.child("fee", Set.of("amountVnd", "vi", "en")), problems);
        OnlineLevel online = f.enumValue("onlineLevel", OnlineLevel.class);
        Integer legacy = f.integer("legacyOnlineLevel", 1, 4);
        Boolean interconnected = f.bool("interconnected");
        Boolean pauses = f.bool("pausesForSupplement");
        Integer retention = f.optionalInteger("retentionYears", 1, 1000);
        LocalDate from = f.date("validFrom");
        LocalDate until = f.optionalDate("validUntil");
        if (from != null && until != null && until.isBefore(from)) {
            problems.add(new Problem(path + ".validUntil", "admin.json.dates", until, from));
        }
        List<Component> components = components(n.get("components"), path + ".components", problems);
        List<ProcessingStep> steps = steps(n.get("steps"), path + ".steps", problems);
        if (problems.size() > before) {
            return null;
        }
        try {
            return new Procedure(code, version, name[0], name[1], field[0], field[1], competent,
                    Optional.ofNullable(competentOffice), components, time, steps, cutOff, fee, online, legacy,
                    interconnected, pauses, retention == null ? Retention.permanent() : Retention.years(retention), from,
                    Optional.ofNullable(until));
        } catch (RuntimeException e) {
            // Every rule of the domain's constructor is checked above; this only guards against a new one.
            problems.add(new Problem(path, "admin.json.invalid", e.getMessage()));
            return null;
        }
    }

    private static TimeLimit timeLimit(Fields f, List<Problem> problems) {
        if (f == null) {
            return null;
        }
        Integer amount = f.integer("amount", 0, 9999);
        TimeLimit.Unit unit = f.enumValue("unit", TimeLimit.Unit.class);
        return amount == null || unit == null ? null : new TimeLimit(amount, unit);
    }

    private static Fee fee(Fields f, List<Problem> problems) {
        if (f == null) {
            return null;
        }
        Long amount = f.optionalLong("amountVnd");
        String vi = f.text("vi");
        String en = f.text("en");
        return vi == null || en == null ? null : new Fee(amount == null ? OptionalLong.empty() : OptionalLong.of(amount), vi, en);
    }

    private static List<Component> components(JsonNode list, String path, List<Problem> problems) {
        if (!array(list, path, problems)) {
            return null;
        }
        List<Component> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String p = path + "[" + i + "]";
            JsonNode c = list.get(i);
            if (!object(c, p, Set.of("key", "name", "form", "quantity", "mandatory"), problems)) {
                continue;
            }
            Fields f = new Fields(c, p, problems);
            String key = f.text("key");
            String[] name = f.texts("name");
            Component.Form form = f.enumValue("form", Component.Form.class);
            Integer quantity = f.integer("quantity", 1, 999);
            Boolean mandatory = f.bool("mandatory");
            if (key != null && !keys.add(key)) {
                problems.add(new Problem(p + ".key", "admin.json.duplicateComponent", key));
            } else if (key != null && name != null && form != null && quantity != null && mandatory != null) {
                out.add(new Component(key, name[0], name[1], form, quantity, mandatory));
            }
        }
        return out;
    }

    private static List<ProcessingStep> steps(JsonNode list, String path, List<Problem> problems) {
        if (!array(list, path, problems)) {
            return null;
        }
        List<ProcessingStep> out = new ArrayList<>();
        int before = problems.size();
        for (int i = 0; i < list.size(); i++) {
            String p = path + "[" + i + "]";
            JsonNode s = list.get(i);
            if (!object(s, p, Set.of("kind", "role", "level", "sharePercent"), problems)) {
                continue;
            }
            Fields f = new Fields(s, p, problems);
            StepKind kind = f.enumValue("kind", StepKind.class);
            Role role = f.enumValue("role", Role.class);
            OfficeLevel level = f.enumValue("level", OfficeLevel.class);
            Integer share = f.integer("sharePercent", 0, 100);
            if (kind != null && role != null && level != null && share != null) {
                out.add(new ProcessingStep(kind, role, level, share));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        if (out.isEmpty() || out.get(0).kind() != StepKind.RECEPTION) {
            problems.add(new Problem(path + "[0].kind", "admin.json.routeStart"));
        }
        int sum = out.stream().mapToInt(ProcessingStep::sharePercent).sum();
        if (sum != 100) {
            problems.add(new Problem(path, "admin.json.shares", sum));
        }
        return out;
    }

    static boolean object(JsonNode n, String path, Set<String> allowed, List<Problem> problems) {
        if (n == null || !n.isObject()) {
            problems.add(new Problem(path, "admin.json.type", "object"));
            return false;
        }
        boolean ok = true;
        for (String name : n.propertyNames()) {
            if (!allowed.contains(name)) {
                problems.add(new Problem(path + "." + name, "admin.json.unknownField"));
                ok = false;
            }
        }
        return ok;
    }

    private static boolean array(JsonNode n, String path, List<Problem> problems) {
        if (n == null || !n.isArray()) {
            problems.add(new Problem(path, "admin.json.type", "array"));
            return false;
        }
        return true;
    }

    /** Typed access to an object's fields, each failure added as a problem at the field's path (null returned). */
    static final class Fields {
        private final JsonNode node;
        private final String path;
        private final List<Problem> problems;

        Fields(JsonNode node, String path, List<Problem> problems) {
            this.node = node;
            this.path = path;
            this.problems = problems;
        }

        boolean has(String name) {
            return node.has(name);
        }

        private JsonNode required(String name) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                problems.add(new Problem(path + "." + name, "admin.json.missing"));
                return null;
            }
            return v;
        }

        private String wrong(String name, String expected) {
            problems.add(new Problem(path + "." + name, "admin.json.type", expected));
            return null;
        }

        String text(String name) {
            JsonNode v = required(name);
            if (v == null) {
                return null;
            }
            if (!v.isString()) {
                return wrong(name, "string");
            }
            String s = v.stringValue().strip();
            if (s.isEmpty() || s.length() > MAX_TEXT) {
                problems.add(new Problem(path + "." + name, "admin.json.text", MAX_TEXT));
                return null;
            }
            return s;
        }

        String optionalText(String name) {
            JsonNode v = node.get(name);
            return v == null || v.isNull() ? null : text(name);
        }

        /** A {@code {"vi": ..., "en": ...}} pair. */
        String[] texts(String name) {
            Fields f = child(name, Set.of("vi", "en"));
            if (f == null) {
                return null;
            }
            String vi = f.text("vi");
            String en = f.text("en");
            return vi == null || en == null ? null : new String[] {vi, en};
        }

        Fields child(String name, Set<String> allowed) {
            JsonNode v = required(name);
            if (v == null || !object(v, path + "." + name, allowed, problems)) {
                return null;
            }
            return new Fields(v, path + "." + name, problems);
        }

        Integer integer(String name, int min, int max) {
            JsonNode v = required(name);
            if (v == null) {
                return null;
            }
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                wrong(name, "integer");
                return null;
            }
            int i = v.intValue();
            if (i < min || i > max) {
                problems.add(new Problem(path + "." + name, "admin.json.range", min, max));
                return null;
            }
            return i;
        }

        Integer optionalInteger(String name, int min, int max) {
            JsonNode v = node.get(name);
            return v == null || v.isNull() ? null : integer(name, min, max);
        }

        Long optionalLong(String name) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
                problems.add(new Problem(path + "." + name, "admin.json.range", 0, Long.MAX_VALUE));
                return null;
            }
            return v.longValue();
        }

        Boolean bool(String name) {
            JsonNode v = required(name);
            if (v == null) {
                return null;
            }
            if (!v.isBoolean()) {
                wrong(name, "boolean");
                return null;
            }
            return v.booleanValue();
        }

        LocalDate date(String name) {
            String s = text(name);
            if (s == null) {
                return null;
            }
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                problems.add(new Problem(path + "." + name, "admin.json.date", s));
                return null;
            }
        }

        LocalDate optionalDate(String name) {
            JsonNode v = node.get(name);
            return v == null || v.isNull() ? null : date(name);
        }

        <E extends Enum<E>> E enumValue(String name, Class<E> type) {
            String s = text(name);
            if (s == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, s);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(path + "." + name, "admin.json.enum", s,
                        Arrays.toString(type.getEnumConstants())));
                return null;
            }
        }
    }
}
