package vn.motcua.domain.procedure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.motcua.domain.DataFileException;
import vn.motcua.domain.calendar.TimeLimit;
import vn.motcua.domain.office.OfficeLevel;
import vn.motcua.domain.office.Role;

/**
 * The procedure catalogue, with versions: {@link #versionOn} gives the version in force on a date; a dossier keeps the
 * {@link Procedure} value it was received under.
 *
 * <p>Data file format (UTF-8; {@code #} starts a comment). Each version is a block that starts with a header
 * {@code [<national code> v<version>]} followed by {@code key = value} lines; {@code component} and {@code step} repeat:
 * <pre>
 * [2.000908 v1]
 * name.vi = Chứng thực bản sao từ bản chính ...      name.en = Certified copy ...
 * field.vi = Chứng thực                              field.en = Certification
 * competent = COMMUNE                                (optional) competent.office = &lt;office id&gt;
 * time = 0 working-days                              (or: 4 working-hours)
 * cutoff = yes                                       (15:00 same-day cut-off)
 * fee = 10000 | 10.000 đồng/trường hợp | VND 10,000 per case      (amount or - | text vi | text en)
 * online = PARTIAL 3                                 (FULL/PARTIAL/NONE, legacy level 1-4)
 * interconnected = no
 * pause-for-supplement = yes
 * retention = permanent                              (or a number of years)
 * valid = 2020-01-01 .. 2025-06-30                   (open end: "2025-07-01 ..")
 * component = key | ORIGINAL/COPY/SCAN | quantity | mandatory/optional | name vi | name en
 * step = RECEPTION/PROCESSING/APPROVAL/RETURN | role | level | share %   (shares sum to 100)
 * </pre>
 */
public final class ProcedureCatalogue {

    public static final String SHIPPED = "/vn/motcua/domain/procedure/procedures.txt";

    private static final Pattern HEADER = Pattern.compile("\\[\\s*(\\d\\.\\d{6})\\s+v(\\d{1,4})\\s*]");
    private static final Pattern TIME = Pattern.compile("(\\d{1,4})\\s+(working-days|working-hours)");
    private static final Pattern VALID = Pattern.compile("(\\S+)\\s*\\.\\.\\s*(\\S*)");
    private static final Set<String> REQUIRED = Set.of("name.vi", "name.en", "field.vi", "field.en", "competent", "time",
            "cutoff", "fee", "online", "interconnected", "pause-for-supplement", "retention", "valid");

    private final Map<String, List<Procedure>> byCode;

    private ProcedureCatalogue(Map<String, List<Procedure>> byCode) {
        this.byCode = byCode;
    }

    /** The sample procedures of DOMAIN.md §11 shipped with the module (legacy and current routes). */
    public static ProcedureCatalogue shipped() {
        try (InputStream in = ProcedureCatalogue.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SHIPPED);
            }
            return load(new InputStreamReader(in, StandardCharsets.UTF_8), "procedures.txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds a catalogue from versions kept elsewhere (e.g. the server's database); overlapping versions are refused. */
    public static ProcedureCatalogue of(Collection<Procedure> procedures) {
        Map<String, List<Procedure>> map = new LinkedHashMap<>();
        int i = 0;
        for (Procedure p : procedures) {
            add(map, p, "procedures", ++i);
        }
        return new ProcedureCatalogue(freeze(map));
    }

    /** Reads the format above; errors are {@link DataFileException}s naming the line. */
    public static ProcedureCatalogue load(Reader reader, String source) {
        List<String> lines = new BufferedReader(reader).lines().toList();
        Map<String, List<Procedure>> map = new LinkedHashMap<>();
        Block block = null;
        for (int n = 1; n <= lines.size(); n++) {
            String line = stripComment(lines.get(n - 1)).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                if (block != null) {
                    add(map, block.build(source), source, block.line);
                }
                Matcher m = HEADER.matcher(line);
                if (!m.matches()) {
                    throw new DataFileException(source, n, "data.procedure.header", line);
                }
                block = new Block(m.group(1), Integer.parseInt(m.group(2)), n);
                continue;
            }
            if (block == null) {
                throw new DataFileException(source, n, "data.procedure.outsideBlock");
            }
            int eq = line.indexOf('=');
            if (eq < 1) {
                throw new DataFileException(source, n, "data.procedure.keyValue", line);
            }
            block.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip(), source, n);
        }
        if (block != null) {
            add(map, block.build(source), source, block.line);
        }
        return new ProcedureCatalogue(freeze(map));
    }

    private static void add(Map<String, List<Procedure>> map, Procedure p, String source, int line) {
        List<Procedure> versions = map.computeIfAbsent(p.nationalCode(), k -> new ArrayList<>());
        for (Procedure other : versions) {
            if (other.version() == p.version()) {
                throw new DataFileException(source, line, "data.procedure.duplicateVersion", p.nationalCode(), p.version());
            }
            if (other.overlaps(p)) {
                throw new DataFileException(source, line, "data.procedure.overlap", p.nationalCode(), p.version(),
                        other.version());
            }
        }
        versions.add(p);
    }

    private static Map<String, List<Procedure>> freeze(Map<String, List<Procedure>> map) {
        Map<String, List<Procedure>> frozen = new LinkedHashMap<>();
        map.forEach((code, versions) -> frozen.put(code,
                versions.stream().sorted(Comparator.comparingInt(Procedure::version)).toList()));
        return frozen;
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    /** Every version of every procedure, by national code then version. */
    public List<Procedure> all() {
        return byCode.values().stream().flatMap(List::stream).toList();
    }

    /** The national codes in the catalogue, in file order. */
    public List<String> codes() {
        return List.copyOf(byCode.keySet());
    }

    public List<Procedure> versions(String nationalCode) {
        return byCode.getOrDefault(nationalCode, List.of());
    }

    public Optional<Procedure> version(String nationalCode, int version) {
        return versions(nationalCode).stream().filter(p -> p.version() == version).findFirst();
    }

    /** The version in force on the date, if the procedure exists then. */
    public Optional<Procedure> versionOn(String nationalCode, LocalDate date) {
        return versions(nationalCode).stream().filter(p -> p.isValidOn(date)).findFirst();
    }

    /** Every procedure in force on the date (one version each). */
    public List<Procedure> validOn(LocalDate date) {
        return all().stream().filter(p -> p.isValidOn(date)).toList();
    }

    /**
     * Procedures in force on the date whose code, names or field contain every word of the query, ignoring case and
     * Vietnamese diacritics: "dang ky khai sinh" finds "Đăng ký khai sinh".
     */
    public List<Procedure> search(String query, LocalDate on) {
        List<String> words = Arrays.stream(fold(query).split("\\s+")).filter(w -> !w.isEmpty()).toList();
        return validOn(on).stream().filter(p -> {
            String text = fold(String.join(" ", p.nationalCode(), p.nameVi(), p.nameEn(), p.fieldVi(), p.fieldEn()));
            return words.stream().allMatch(text::contains);
        }).toList();
    }

    /** Lower case without diacritics; đ becomes d (it is a letter of its own, not a d with a mark). */
    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('đ', 'd');
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /** Collects the lines of one block and checks them with the line they came from. */
    private static final class Block {
        final String code;
        final int version;
        final int line;
        final Map<String, String> values = new LinkedHashMap<>();
        final Map<String, Integer> lineOf = new LinkedHashMap<>();
        final List<Component> components = new ArrayList<>();
        final List<ProcessingStep> steps = new ArrayList<>();

        Block(String code, int version, int line) {
            this.code = code;
            this.version = version;
            this.line = line;
        }

        void put(String key, String value, String source, int n) {
            switch (key) {
                case "component" -> components.add(component(value, source, n));
                case "step" -> steps.add(step(value, source, n));
                default -> {
                    if (!REQUIRED.contains(key) && !key.equals("competent.office")) {
                        throw new DataFileException(source, n, "data.procedure.unknownKey", key);
                    }
                    if (values.putIfAbsent(key, value) != null) {
                        throw new DataFileException(source, n, "data.procedure.repeatedKey", key);
                    }
                    lineOf.put(key, n);
                }
            }
        }

        Procedure build(String source) {
            for (String key : REQUIRED) {
                if (!values.containsKey(key) || values.get(key).isEmpty()) {
                    throw new DataFileException(source, line, "data.procedure.missingKey", key, code);
                }
            }
            if (steps.isEmpty() || steps.get(0).kind() != StepKind.RECEPTION) {
                throw new DataFileException(source, line, "data.procedure.routeStart", code);
            }
            int shares = steps.stream().mapToInt(ProcessingStep::sharePercent).sum();
            if (shares != 100) {
                throw new DataFileException(source, line, "data.procedure.shares", code, shares);
            }
            Set<String> keys = new HashSet<>();
            for (Component c : components) {
                if (!keys.add(c.key())) {
                    throw new DataFileException(source, line, "data.procedure.duplicateComponent", c.key());
                }
            }
            Matcher time = TIME.matcher(values.get("time"));
            if (!time.matches()) {
                throw new DataFileException(source, lineOf.get("time"), "data.procedure.time", values.get("time"));
            }
            int amount = Integer.parseInt(time.group(1));
            TimeLimit limit = time.group(2).equals("working-days") ? TimeLimit.workingDays(amount)
                    : TimeLimit.workingHours(amount);
            String[] online = values.get("online").split("\\s+");
            OnlineLevel onlineLevel = enumValue(OnlineLevel.class, online[0], source, lineOf.get("online"));
            int legacy = online.length == 2 ? integer(online[1], source, lineOf.get("online")) : -1;
            if (online.length != 2 || legacy < 1 || legacy > 4) {
                throw new DataFileException(source, lineOf.get("online"), "data.procedure.online", values.get("online"));
            }
            Matcher valid = VALID.matcher(values.get("valid"));
            if (!valid.matches()) {
                throw new DataFileException(source, lineOf.get("valid"), "data.procedure.valid", values.get("valid"));
            }
            LocalDate from = date(valid.group(1), source, lineOf.get("valid"));
            Optional<LocalDate> until = valid.group(2).isEmpty() ? Optional.empty()
                    : Optional.of(date(valid.group(2), source, lineOf.get("valid")));
            if (until.isPresent() && until.get().isBefore(from)) {
                throw new DataFileException(source, lineOf.get("valid"), "data.dates.order", from, until.get());
            }
            String retention = values.get("retention");
            Retention kept = retention.equals("permanent") ? Retention.permanent()
                    : Retention.years(positive(retention, source, lineOf.get("retention")));
            return new Procedure(code, version, values.get("name.vi"), values.get("name.en"), values.get("field.vi"),
                    values.get("field.en"), enumValue(OfficeLevel.class, values.get("competent"), source,
                    lineOf.get("competent")), Optional.ofNullable(values.get("competent.office")), components, limit, steps,
                    yesNo("cutoff", source), fee(values.get("fee"), source, lineOf.get("fee")), onlineLevel, legacy,
                    yesNo("interconnected", source), yesNo("pause-for-supplement", source), kept, from, until);
        }

        private boolean yesNo(String key, String source) {
            return switch (values.get(key)) {
                case "yes" -> true;
                case "no" -> false;
                default -> throw new DataFileException(source, lineOf.get(key), "data.procedure.yesNo", key,
                        values.get(key));
            };
        }

        private static Component component(String value, String source, int n) {
            String[] f = fields(value, 6, source, n);
            boolean mandatory = switch (f[3]) {
                case "mandatory" -> true;
                case "optional" -> false;
                default -> throw new DataFileException(source, n, "data.procedure.mandatory", f[3]);
            };
            if (f[0].isEmpty() || f[4].isEmpty() || f[5].isEmpty()) {
                throw new DataFileException(source, n, "data.procedure.componentEmpty");
            }
            return new Component(f[0], f[4], f[5], enumValue(Component.Form.class, f[1], source, n),
                    positive(f[2], source, n), mandatory);
        }

        private static ProcessingStep step(String value, String source, int n) {
            String[] f = fields(value, 4, source, n);
            int share = integer(f[3], source, n);
            if (share < 0 || share > 100) {
                throw new DataFileException(source, n, "data.procedure.share", f[3]);
            }
            return new ProcessingStep(enumValue(StepKind.class, f[0], source, n), enumValue(Role.class, f[1], source, n),
                    enumValue(OfficeLevel.class, f[2], source, n), share);
        }

        private static Fee fee(String value, String source, int n) {
            String[] f = fields(value, 3, source, n);
            OptionalLong amount = f[0].equals("-") ? OptionalLong.empty() : OptionalLong.of(integer(f[0], source, n));
            return new Fee(amount, f[1], f[2]);
        }

        private static String[] fields(String value, int count, String source, int n) {
            String[] f = value.split("\\|", -1);
            if (f.length != count) {
                throw new DataFileException(source, n, "data.fields", count, f.length);
            }
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i].strip();
            }
            return f;
        }

        private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String source, int n) {
            try {
                return Enum.valueOf(type, text);
            } catch (IllegalArgumentException e) {
                throw new DataFileException(source, n, "data.enum", text, Arrays.toString(type.getEnumConstants()));
            }
        }

        private static int integer(String text, String source, int n) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new DataFileException(source, n, "data.number", text);
            }
        }

        private static int positive(String text, String source, int n) {
            int value = integer(text, source, n);
            if (value < 1) {
                throw new DataFileException(source, n, "data.number", text);
            }
            return value;
        }

        private static LocalDate date(String text, String source, int n) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new DataFileException(source, n, "data.date", text);
            }
        }
    }
}
