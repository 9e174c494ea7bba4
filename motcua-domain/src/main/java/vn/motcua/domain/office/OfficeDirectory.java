package vn.motcua.domain.office;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import vn.motcua.domain.DataFileException;
import vn.motcua.domain.DomainException;

/**
 * The configurable office hierarchy: lookups by id and by agency code at a date, parent and children, offices valid on a
 * date. Immutable once loaded.
 *
 * <p>Data file format (UTF-8, one office per line, {@code #} starts a comment, blank lines ignored), eight fields
 * separated by {@code |}:
 * <pre>id | agency code | PROVINCE/DISTRICT/COMMUNE | parent id or - | valid from (yyyy-MM-dd) or - | valid until or - | Vietnamese name | English name</pre>
 * Checked on load: unique ids, known parent declared earlier in the file, a child never above its parent's level, dates in
 * order, and one agency code never used by two offices on the same day.
 */
public final class OfficeDirectory {

    /** Resource of the shipped example hierarchies (legacy three-level and current two-level). */
    public static final String SHIPPED = "/vn/motcua/domain/office/offices.txt";

    private final Map<String, Office> byId;

    private OfficeDirectory(Map<String, Office> byId) {
        this.byId = byId;
    }

    /** The example offices shipped with the module. */
    public static OfficeDirectory shipped() {
        try (InputStream in = OfficeDirectory.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SHIPPED);
            }
            return load(new InputStreamReader(in, StandardCharsets.UTF_8), "offices.txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds a directory from offices already validated elsewhere (e.g. the server's database), with the same checks. */
    public static OfficeDirectory of(Collection<Office> offices) {
        Map<String, Office> map = new LinkedHashMap<>();
        int i = 0;
        for (Office office : offices) {
            add(map, office, "offices", ++i);
        }
        return new OfficeDirectory(map);
    }

    /** Reads the data-file format above; errors are {@link DataFileException}s naming the line. */
    public static OfficeDirectory load(Reader reader, String sourceName) {
        Map<String, Office> map = new LinkedHashMap<>();
        List<String> lines = new BufferedReader(reader).lines().toList();
        for (int n = 1; n <= lines.size(); n++) {
            String line = stripComment(lines.get(n - 1));
            if (line.isBlank()) {
                continue;
            }
            add(map, parseLine(line, sourceName, n), sourceName, n);
        }
        return new OfficeDirectory(map);
    }

    private static Office parseLine(String line, String source, int n) {
        String[] f = line.split("\\|", -1);
        if (f.length != 8) {
            throw new DataFileException(source, n, "data.fields", 8, f.length);
        }
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].strip();
        }
        try {
            AgencyCode code = AgencyCode.parse(f[1]);
            OfficeLevel level;
            try {
                level = OfficeLevel.valueOf(f[2]);
            } catch (IllegalArgumentException e) {
                throw new DataFileException(source, n, "data.office.level", f[2]);
            }
            if (f[0].isEmpty() || f[6].isEmpty() || f[7].isEmpty()) {
                throw new DataFileException(source, n, "data.office.empty");
            }
            Optional<LocalDate> from = date(f[4], source, n);
            Optional<LocalDate> until = date(f[5], source, n);
            if (from.isPresent() && until.isPresent() && until.get().isBefore(from.get())) {
                throw new DataFileException(source, n, "data.dates.order", f[4], f[5]);
            }
            return new Office(f[0], code, level, "-".equals(f[3]) ? Optional.empty() : Optional.of(f[3]), f[6], f[7], from,
                    until);
        } catch (DataFileException e) {
            throw e;
        } catch (DomainException e) {
            throw new DataFileException(source, n, e.key(), e.args().toArray());
        }
    }

    private static void add(Map<String, Office> map, Office office, String source, int n) {
        if (map.containsKey(office.id())) {
            throw new DataFileException(source, n, "data.office.duplicate", office.id());
        }
        if (office.parentId().isPresent()) {
            Office parent = map.get(office.parentId().get());
            if (parent == null) {
                throw new DataFileException(source, n, "data.office.unknownParent", office.parentId().get());
            }
            if (!office.level().mayBeUnder(parent.level())) {
                throw new DataFileException(source, n, "data.office.levelAboveParent", office.id(), parent.id());
            }
        }
        for (Office other : map.values()) {
            if (other.agencyCode().equals(office.agencyCode()) && other.overlaps(office)) {
                throw new DataFileException(source, n, "data.office.codeOverlap", office.agencyCode(), other.id());
            }
        }
        map.put(office.id(), office);
    }

    private static Optional<LocalDate> date(String text, String source, int n) {
        if ("-".equals(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            throw new DataFileException(source, n, "data.date", text);
        }
    }

    static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    public List<Office> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Office> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The office that held this agency code on that date (codes are re-issued, so the date matters). */
    public Optional<Office> byAgencyCode(AgencyCode code, LocalDate on) {
        return byId.values().stream().filter(o -> o.agencyCode().equals(code) && o.isValidOn(on)).findFirst();
    }

    public Optional<Office> parent(Office office) {
        return office.parentId().map(byId::get);
    }

    /** Direct children, in file order. */
    public List<Office> children(Office office) {
        return byId.values().stream().filter(o -> o.parentId().filter(office.id()::equals).isPresent()).toList();
    }

    /** Direct children that exist on the date. */
    public List<Office> children(Office office, LocalDate on) {
        return children(office).stream().filter(o -> o.isValidOn(on)).toList();
    }

    /** The office and every office below it, closed ones included: the office first, then breadth first. */
    public List<Office> withDescendants(Office office) {
        List<Office> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<Office> todo = new ArrayDeque<>(List.of(office));
        while (!todo.isEmpty()) {
            Office o = todo.poll();
            if (seen.add(o.id())) {
                all.add(o);
                todo.addAll(children(o));
            }
        }
        return List.copyOf(all);
    }

    /** The chain from the office up to its root, the office first. */
    public List<Office> pathToRoot(Office office) {
        List<Office> path = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Optional<Office> o = Optional.of(office); o.isPresent() && seen.add(o.get().id()); o = parent(o.get())) {
            path.add(o.get());
        }
        return List.copyOf(path);
    }

    /** Offices that exist on the date, by level (province first) then agency code. */
    public List<Office> validOn(LocalDate date) {
        return byId.values().stream().filter(o -> o.isValidOn(date))
                .sorted(Comparator.comparing(Office::level).thenComparing(Office::agencyCode)).collect(Collectors.toList());
    }
}
