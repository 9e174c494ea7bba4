package vn.motcua.server.office;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.motcua.domain.DomainException;
import vn.motcua.domain.office.OfficeLevel;
import vn.motcua.domain.procedure.Procedure;
import vn.motcua.domain.procedure.ProcedureCatalogue;
import vn.motcua.domain.procedure.StepKind;
import vn.motcua.server.archive.ArchiveFiling;
import vn.motcua.server.audit.AuditLog;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.server.security.DeskUser;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The administrators' procedure catalogue: new versions, retirement, JSON export and import. A version's content never
 * changes once it exists (dossiers reference code and version); only its end of validity may be set or brought forward.
 * Every change is checked against the whole catalogue, stored, audited and applied to the next request; a refused change
 * writes nothing.
 */
@Service
public class ProcedureAdmin {

    /** Fields a new version may set; the others are copied from the latest version. */
    static final Set<String> NEW_VERSION_FIELDS;

    static {
        Set<String> fields = new HashSet<>(CatalogueJson.VERSION_FIELDS);
        fields.removeAll(Set.of("code", "version", "validUntil"));
        fields.add("receptionLevel");
        NEW_VERSION_FIELDS = Set.copyOf(fields);
    }

    private final JdbcClient jdbc;
    private final LiveCatalogue live;
    private final OfficeAdmin offices;
    private final ArchiveFiling filing;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ProcedureAdmin(JdbcClient jdbc, LiveCatalogue live, OfficeAdmin offices, ArchiveFiling filing, AuditLog audit,
                          TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.live = live;
        this.offices = offices;
        this.filing = filing;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** One version of the list. {@code retired}: it has an end date and no later version takes over. */
    public record VersionRow(String code, int version, String nameVi, String nameEn, LocalDate validFrom,
                             LocalDate validUntil, int timeLimit, String timeLimitUnit, String onlineLevel,
                             String receptionLevel, Long feeVnd, boolean inForceToday, boolean retired) {
        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
        }
    }

    /** A procedure with all its versions, oldest first. */
    public record ProcedureRow(String code, List<VersionRow> versions) {
    }

    /** What an import did. */
    public record ImportResult(int added, int closed, int unchanged) {
    }

    public List<ProcedureRow> list(DeskUser user) {
        OfficeAdmin.admin(user);
        ProcedureCatalogue c = live.procedures();
        LocalDate today = LocalDate.now(clock);
        return c.codes().stream().map(code -> {
            List<Procedure> versions = c.versions(code);
            return new ProcedureRow(code, versions.stream().map(p -> row(p, versions, today)).toList());
        }).toList();
    }

    private static VersionRow row(Procedure p, List<Procedure> versions, LocalDate today) {
        boolean later = versions.stream().anyMatch(v -> v.version() > p.version());
        return new VersionRow(p.nationalCode(), p.version(), p.nameVi(), p.nameEn(), p.validFrom(),
                p.validUntil().orElse(null), p.timeLimit().amount(), p.timeLimit().unit().name(), p.onlineLevel().name(),
                p.receptionLevel().name(), p.fee().amountVnd().isPresent() ? p.fee().amountVnd().getAsLong() : null,
                p.isValidOn(today), p.validUntil().isPresent() && !later);
    }

    /**
     * A new version of the procedure: the latest version's fields, overridden by those given (see
     * {@link #NEW_VERSION_FIELDS}; {@code receptionLevel} sets the level of the RECEPTION and RETURN steps), valid from the
     * given day (today or later). The previous version ends the day before.
     */
    public VersionRow newVersion(DeskUser user, String code, JsonNode given) {
        OfficeAdmin.steward(user, live.offices());
        LocalDate today = LocalDate.now(clock);
        Procedure created = change(user, current -> {
            Procedure previous = latestOf(current, code);
            List<CatalogueJson.Problem> problems = new ArrayList<>();
            if (!CatalogueJson.object(given, "$", NEW_VERSION_FIELDS, problems) || !given.has("validFrom")) {
                if (problems.isEmpty()) {
                    problems.add(new CatalogueJson.Problem("$.validFrom", "admin.json.missing"));
                }
                CatalogueJson.refuseIf(problems);
            }
            ObjectNode merged = CatalogueJson.node(previous);
            given.properties().forEach(e -> {
                if (!e.getKey().equals("receptionLevel")) {
                    merged.set(e.getKey(), e.getValue());
                }
            });
            merged.put("version", previous.version() + 1);
            merged.putNull("validUntil");
            JsonNode level = given.get("receptionLevel");
            if (level != null) {
                String name = level.isString() ? level.stringValue() : level.toString();
                if (Arrays.stream(OfficeLevel.values()).noneMatch(l -> l.name().equals(name))) {
                    problems.add(new CatalogueJson.Problem("$.receptionLevel", "admin.json.enum", name,
                            Arrays.toString(OfficeLevel.values())));
                } else if (merged.get("steps") instanceof ArrayNode steps) {
                    steps.forEach(s -> {
                        if (s instanceof ObjectNode o && o.get("kind") != null && o.get("kind").isString()
                                && (StepKind.RECEPTION.name().equals(o.get("kind").stringValue())
                                || StepKind.RETURN.name().equals(o.get("kind").stringValue()))) {
                            o.put("level", name);
                        }
                    });
                }
            }
            Procedure next = CatalogueJson.version(merged, "$", problems);
            CatalogueJson.refuseIf(problems);
            if (next.validFrom().isBefore(today)) {
                throw bad("admin.procedure.error.fromPast", next.validFrom());
            }
            if (!next.validFrom().isAfter(previous.validFrom())) {
                throw bad("admin.procedure.error.fromBeforePrevious", next.validFrom(), previous.validFrom());
            }
            Map<String, Procedure> changes = new LinkedHashMap<>();
            LocalDate dayBefore = next.validFrom().minusDays(1);
            if (previous.validUntil().map(u -> u.isAfter(dayBefore)).orElse(true)) {
                changes.put(LiveCatalogue.key(previous), until(previous, dayBefore));
            }
            changes.put(LiveCatalogue.key(next), next);
            return new Change(changes, "admin.procedure.version", next);
        });
        return row(created);
    }

    /** Ends a version (the latest when {@code version} is null) on the given day: today or later, never extended. */
    public VersionRow retire(DeskUser user, String code, Integer version, LocalDate until) {
        OfficeAdmin.steward(user, live.offices());
        LocalDate today = LocalDate.now(clock);
        if (until == null) {
            throw bad("admin.procedure.error.until");
        }
        Procedure retired = change(user, current -> {
            Procedure p = version == null ? latestOf(current, code) : current.version(code, version).orElseThrow(
                    () -> new DeskException(HttpStatus.NOT_FOUND, "admin.procedure.error.unknown", code + " v" + version));
            if (until.isBefore(today)) {
                throw bad("admin.procedure.error.retirePast", until);
            }
            if (until.isBefore(p.validFrom())) {
                throw bad("admin.procedure.error.dates", until, p.validFrom());
            }
            if (p.validUntil().map(until::isAfter).orElse(false)) {
                throw bad("admin.procedure.error.extend", p.validUntil().get());
            }
            Procedure ended = until(p, until);
            return new Change(Map.of(LiveCatalogue.key(ended), ended), "admin.procedure.retire", ended);
        });
        return row(retired);
    }

    /** The whole catalogue in the exchange format. */
    public byte[] export(DeskUser user) {
        OfficeAdmin.admin(user);
        return CatalogueJson.write(live.procedures().all());
    }

    /**
     * Adds the file's new procedures and versions and applies earlier ends of validity; a version already present must
     * otherwise be identical. A new version ends the previous open version the day before it starts, as the form does.
     * All or nothing.
     */
    public ImportResult importJson(DeskUser user, byte[] json) {
        OfficeAdmin.steward(user, live.offices());
        List<Procedure> file = CatalogueJson.read(json);
        ImportResult[] result = new ImportResult[1];
        change(user, current -> {
            Plan plan = plan(current, file);
            result[0] = plan.result();
            return new Change(plan.versions(), "admin.procedure.import", null);
        });
        return result[0];
    }

    /** The versions an import writes (new ones and earlier ends), and the counts. */
    record Plan(Map<String, Procedure> versions, ImportResult result) {
    }

    /** What importing the file's versions into the catalogue changes; conflicts refuse the whole file. */
    static Plan plan(ProcedureCatalogue current, List<Procedure> file) {
        int closed = 0;
        int unchanged = 0;
        Map<String, Procedure> changes = new LinkedHashMap<>();
        Map<String, Procedure> merged = new LinkedHashMap<>();
        current.all().forEach(p -> merged.put(LiveCatalogue.key(p), p));
        List<CatalogueJson.Problem> conflicts = new ArrayList<>();
        List<Procedure> added = new ArrayList<>();
        for (int i = 0; i < file.size(); i++) {
            Procedure p = file.get(i);
            Procedure existing = merged.get(LiveCatalogue.key(p));
            if (existing == null) {
                added.add(p);
            } else if (existing.equals(p)) {
                unchanged++;
            } else if (sameButEndsEarlier(existing, p)) {
                changes.put(LiveCatalogue.key(p), p);
                closed++;
            } else {
                conflicts.add(new CatalogueJson.Problem("$.procedures[" + i + "]", "admin.json.conflict",
                        p.nationalCode(), p.version()));
            }
        }
        if (!conflicts.isEmpty()) {
            throw new CatalogueImportException(HttpStatus.CONFLICT,
                    conflicts.subList(0, Math.min(conflicts.size(), CatalogueJson.MAX_ERRORS)));
        }
        changes.values().forEach(p -> merged.put(LiveCatalogue.key(p), p));
        added.sort(Comparator.comparingInt(Procedure::version));
        for (Procedure n : added) {
            Optional<Procedure> previous = merged.values().stream()
                    .filter(v -> v.nationalCode().equals(n.nationalCode()) && v.version() < n.version())
                    .max(Comparator.comparingInt(Procedure::version))
                    .filter(prev -> prev.validFrom().isBefore(n.validFrom())
                            && prev.validUntil().map(u -> !u.isBefore(n.validFrom())).orElse(true));
            if (previous.isPresent()) {
                Procedure ended = until(previous.get(), n.validFrom().minusDays(1));
                merged.put(LiveCatalogue.key(ended), ended);
                if (changes.put(LiveCatalogue.key(ended), ended) == null) {
                    closed++;
                }
            }
            merged.put(LiveCatalogue.key(n), n);
            changes.put(LiveCatalogue.key(n), n);
        }
        return new Plan(changes, new ImportResult(added.size(), closed, unchanged));
    }

    private static boolean sameButEndsEarlier(Procedure existing, Procedure p) {
        return p.validUntil().isPresent()
                && existing.validUntil().map(u -> p.validUntil().get().isBefore(u)).orElse(true)
                && until(existing, p.validUntil().get()).equals(p);
    }

    private record Change(Map<String, Procedure> versions, String action, Procedure result) {
    }

    private interface Planner {
        Change plan(ProcedureCatalogue current);
    }

    /**
     * Runs one change under the catalogue lock: plans it against the stored state, checks the catalogue it makes (no two
     * versions of a code overlap), writes it, audits it, then applies it.
     */
    private Procedure change(DeskUser user, Planner planner) {
        Change change = tx.execute(s -> {
            offices.lock();
            Map<String, Procedure> stored = new LinkedHashMap<>();
            live.storedProcedures().forEach(p -> stored.put(LiveCatalogue.key(p), p));
            Change c = planner.plan(live.proceduresWith(stored.values()));
            stored.putAll(c.versions());
            checkOffices(c.versions().values());
            checkOverlaps(stored, c.versions().values());
            try {
                live.proceduresWith(stored.values());
            } catch (DomainException e) {
                throw bad("admin.procedure.error.invalid", e.message(Locale.ENGLISH));
            }
            for (Procedure p : c.versions().values()) {
                jdbc.sql("""
                                insert into admin_procedure_version (procedure_code, version, definition, changed_by)
                                values (?, ?, ?, ?)
                                on conflict (procedure_code, version) do update set definition = excluded.definition,
                                  changed_at = now(), changed_by = excluded.changed_by""")
                        .params(p.nationalCode(), p.version(), CatalogueJson.writeStored(p), user.username()).update();
                filing.record(p);
                audit.record(user.username(), c.action(), LiveCatalogue.key(p), "valid " + p.validFrom() + ".."
                        + p.validUntil().map(Object::toString).orElse("") + ", " + p.timeLimit().amount() + " "
                        + p.timeLimit().unit());
            }
            return c;
        });
        live.reload();
        return change.result();
    }

    /** A competent office named by a version must be in the directory (closed ones included: old versions name them). */
    private void checkOffices(java.util.Collection<Procedure> changed) {
        CatalogueJson.refuseIf(changed.stream()
                .filter(p -> p.competentOfficeId().isPresent()
                        && live.offices().byId(p.competentOfficeId().get()).isEmpty())
                .map(p -> new CatalogueJson.Problem("$", "admin.json.unknownOffice", p.nationalCode(), p.version(),
                        p.competentOfficeId().get()))
                .toList());
    }

    /** Two versions of one code may not share a day; named precisely, as the domain's own check only names a file line. */
    private void checkOverlaps(Map<String, Procedure> stored, java.util.Collection<Procedure> changed) {
        List<Procedure> all = live.merged(stored.values());
        List<CatalogueJson.Problem> problems = new ArrayList<>();
        for (Procedure p : changed) {
            for (Procedure other : all) {
                if (other.nationalCode().equals(p.nationalCode()) && other.version() != p.version() && overlap(p, other)) {
                    problems.add(new CatalogueJson.Problem("$", "admin.json.overlap", p.nationalCode(), p.version(),
                            other.version()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new CatalogueImportException(HttpStatus.CONFLICT,
                    problems.subList(0, Math.min(problems.size(), CatalogueJson.MAX_ERRORS)));
        }
    }

    private static boolean overlap(Procedure a, Procedure b) {
        LocalDate start = a.validFrom().isAfter(b.validFrom()) ? a.validFrom() : b.validFrom();
        LocalDate endA = a.validUntil().orElse(LocalDate.MAX);
        LocalDate endB = b.validUntil().orElse(LocalDate.MAX);
        return !(endA.isBefore(endB) ? endA : endB).isBefore(start);
    }

    private VersionRow row(Procedure p) {
        ProcedureCatalogue c = live.procedures();
        return row(c.version(p.nationalCode(), p.version()).orElse(p), c.versions(p.nationalCode()), LocalDate.now(clock));
    }

    private static Procedure latestOf(ProcedureCatalogue c, String code) {
        List<Procedure> versions = c.versions(code == null ? "" : code);
        if (versions.isEmpty()) {
            throw new DeskException(HttpStatus.NOT_FOUND, "admin.procedure.error.unknown", String.valueOf(code));
        }
        return versions.get(versions.size() - 1);
    }

    /** The same version with another end of validity. */
    static Procedure until(Procedure p, LocalDate until) {
        return new Procedure(p.nationalCode(), p.version(), p.nameVi(), p.nameEn(), p.fieldVi(), p.fieldEn(),
                p.competentLevel(), p.competentOfficeId(), p.components(), p.timeLimit(), p.steps(), p.sameDayCutOff(),
                p.fee(), p.onlineLevel(), p.legacyOnlineLevel(), p.interconnected(), p.pausesForSupplement(),
                p.retention(), p.validFrom(), Optional.ofNullable(until));
    }

    private static DeskException bad(String key, Object... args) {
        return new DeskException(HttpStatus.BAD_REQUEST, key, args);
    }
}
