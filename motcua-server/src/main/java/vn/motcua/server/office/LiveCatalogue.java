package vn.motcua.server.office;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.domain.office.AgencyCode;
import vn.motcua.domain.office.Office;
import vn.motcua.domain.office.OfficeDirectory;
import vn.motcua.domain.office.OfficeLevel;
import vn.motcua.domain.procedure.Procedure;
import vn.motcua.domain.procedure.ProcedureCatalogue;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The office directory and procedure catalogue in force: the shipped data files plus the administrators' changes stored
 * in PostgreSQL (V204__admin_catalogue.sql). Both are immutable snapshots swapped as a pair after every change, so a
 * request that reads them twice sees one consistent state, and a change applies to the next request without a restart.
 * Every consumer asks here on each call instead of keeping a directory or catalogue of its own.
 */
@Component
public class LiveCatalogue {

    private final JdbcClient jdbc;
    private final OfficeDirectory shippedOffices = OfficeDirectory.shipped();
    private final ProcedureCatalogue shippedProcedures = ProcedureCatalogue.shipped();
    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    private record Snapshot(OfficeDirectory offices, ProcedureCatalogue procedures) {
    }

    public LiveCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The offices in force (shipped plus created or edited by administrators), closed ones included. */
    public OfficeDirectory offices() {
        return snapshot().offices();
    }

    /** Every procedure version in force or retired; versions are never removed. */
    public ProcedureCatalogue procedures() {
        return snapshot().procedures();
    }

    /** Re-reads the stored changes; called after every committed change. */
    public void reload() {
        current.set(new Snapshot(officesWith(storedOffices()), proceduresWith(storedProcedures())));
    }

    private Snapshot snapshot() {
        Snapshot s = current.get();
        if (s == null) {
            s = new Snapshot(officesWith(storedOffices()), proceduresWith(storedProcedures()));
            current.compareAndSet(null, s);
        }
        return s;
    }

    /**
     * The shipped offices with the stored rows applied over them (same id: replaced), then the new ones, ordered so every
     * parent comes before its children, as {@link OfficeDirectory#of} checks. Throws the domain's error on a bad set.
     */
    OfficeDirectory officesWith(Collection<Office> stored) {
        Map<String, Office> byId = new LinkedHashMap<>();
        shippedOffices.all().forEach(o -> byId.put(o.id(), o));
        stored.forEach(o -> byId.put(o.id(), o));
        return OfficeDirectory.of(parentsFirst(byId));
    }

    /** Parents before children; empty when the parent links form a cycle (or name an unknown office). */
    static Optional<List<Office>> parentsFirstOrEmpty(Map<String, Office> byId) {
        List<Office> pending = new ArrayList<>(byId.values());
        List<Office> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (!pending.isEmpty()) {
            Optional<Office> next = pending.stream()
                    .filter(o -> o.parentId().map(done::contains).orElse(true)).findFirst();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            ordered.add(next.get());
            done.add(next.get().id());
            pending.remove(next.get());
        }
        return Optional.of(ordered);
    }

    private static List<Office> parentsFirst(Map<String, Office> byId) {
        return parentsFirstOrEmpty(byId).orElseThrow(() -> new IllegalStateException("office directory has a cycle"));
    }

    /** The shipped versions with the stored ones applied over them (same code and version: replaced), new codes last. */
    ProcedureCatalogue proceduresWith(Collection<Procedure> stored) {
        return ProcedureCatalogue.of(merged(stored));
    }

    /** The versions {@link #proceduresWith} builds from, grouped by code in first-seen order (the catalogue's order). */
    List<Procedure> merged(Collection<Procedure> stored) {
        Map<String, Procedure> byKey = new LinkedHashMap<>();
        shippedProcedures.all().forEach(p -> byKey.put(key(p), p));
        stored.forEach(p -> byKey.put(key(p), p));
        Map<String, List<Procedure>> byCode = new LinkedHashMap<>();
        byKey.values().forEach(p -> byCode.computeIfAbsent(p.nationalCode(), c -> new ArrayList<>()).add(p));
        return byCode.values().stream().flatMap(List::stream).toList();
    }

    static String key(Procedure p) {
        return p.nationalCode() + " v" + p.version();
    }

    List<Office> storedOffices() {
        return jdbc.sql("""
                        select id, agency_code, level, parent_id, name_vi, name_en, valid_from, valid_until
                        from admin_office order by seq""")
                .query((rs, i) -> new Office(rs.getString(1), AgencyCode.parse(rs.getString(2)),
                        OfficeLevel.valueOf(rs.getString(3)), Optional.ofNullable(rs.getString(4)), rs.getString(5),
                        rs.getString(6), date(rs.getDate(7)), date(rs.getDate(8))))
                .list();
    }

    List<Procedure> storedProcedures() {
        return jdbc.sql("select definition from admin_procedure_version order by seq")
                .query((rs, i) -> CatalogueJson.readStored(rs.getString(1))).list();
    }

    private static Optional<LocalDate> date(Date d) {
        return Optional.ofNullable(d).map(Date::toLocalDate);
    }
}
