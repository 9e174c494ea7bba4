package vn.motcua.server.office;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.domain.DataFileException;
import vn.motcua.domain.InvalidCodeException;
import vn.motcua.domain.office.AgencyCode;
import vn.motcua.domain.office.Office;
import vn.motcua.domain.office.OfficeDirectory;
import vn.motcua.domain.office.OfficeLevel;
import vn.motcua.domain.office.Role;
import vn.motcua.server.audit.AuditLog;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.server.security.DeskUser;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The administrators' office directory: create offices, rename them, move them under another parent, change their
 * validity (close an office on a merger date). Never delete: dossiers and users reference offices for ever. Each change is
 * checked against the whole directory (the domain's own rules plus unknown parent, cycle, duplicate id), stored, copied
 * into the office table, audited, and applied to the next request.
 */
@Service
public class OfficeAdmin {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_ID = 64;
    private static final int MAX_NAME = 300;
    /** Serialises catalogue changes (offices and procedures): each is checked against the state it replaces. */
    static final long LOCK = 204;

    private final JdbcClient jdbc;
    private final LiveCatalogue live;
    private final OfficeSync sync;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    public OfficeAdmin(JdbcClient jdbc, LiveCatalogue live, OfficeSync sync, AuditLog audit, TransactionTemplate tx,
                       Clock clock) {
        this.jdbc = jdbc;
        this.live = live;
        this.sync = sync;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** One office of the list, in tree order ({@code depth} 0 for a root). {@code local}: created or edited here. */
    public record Row(String id, String agencyCode, String level, String parentId, String nameVi, String nameEn,
                      LocalDate validFrom, LocalDate validUntil, boolean validToday, int depth, boolean local) {
        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
        }
    }

    /** A new office as typed: dates as yyyy-MM-dd text (blank: open), so that every mistake gets its own message. */
    public record NewOffice(String id, String agencyCode, String level, String parentId, String nameVi, String nameEn,
                            String validFrom, String validUntil) {
    }

    /** The editable fields, all of them: a null parent makes a root, null dates are open. */
    public record OfficeEdit(String nameVi, String nameEn, String parentId, LocalDate validFrom, LocalDate validUntil) {
        static OfficeEdit of(Office o) {
            return new OfficeEdit(o.nameVi(), o.nameEn(), o.parentId().orElse(null), o.validFrom().orElse(null),
                    o.validUntil().orElse(null));
        }
    }

    /** Every office, closed ones included, as a tree: each root followed by its descendants. */
    public List<Row> list(DeskUser user) {
        admin(user);
        return rows();
    }

    private List<Row> rows() {
        OfficeDirectory d = live.offices();
        Set<String> local = new HashSet<>(jdbc.sql("select id from admin_office").query(String.class).list());
        LocalDate today = LocalDate.now(clock);
        List<Row> rows = new ArrayList<>();
        d.all().stream().filter(o -> o.parentId().isEmpty()).forEach(root -> addTree(d, root, 0, today, local, rows));
        return rows;
    }

    private static void addTree(OfficeDirectory d, Office o, int depth, LocalDate today, Set<String> local, List<Row> rows) {
        rows.add(new Row(o.id(), o.agencyCode().value(), o.level().name(), o.parentId().orElse(null), o.nameVi(),
                o.nameEn(), o.validFrom().orElse(null), o.validUntil().orElse(null), o.isValidOn(today), depth,
                local.contains(o.id())));
        d.children(o).forEach(c -> addTree(d, c, depth + 1, today, local, rows));
    }

    /** The current editable fields of an office (404 when unknown). */
    public OfficeEdit current(DeskUser user, String id) {
        admin(user);
        return OfficeEdit.of(existing(live.offices(), id));
    }

    public Row create(DeskUser user, NewOffice n) {
        steward(user, live.offices());
        if (n == null) {
            throw bad("admin.office.error.id", "");
        }
        String id = n.id() == null ? "" : n.id().strip();
        if (id.length() > MAX_ID || !ID.matcher(id).matches()) {
            throw bad("admin.office.error.id", id);
        }
        AgencyCode code;
        try {
            code = AgencyCode.parse(n.agencyCode());
        } catch (InvalidCodeException e) {
            throw bad("admin.office.error.agencyCode", String.valueOf(n.agencyCode()));
        }
        OfficeLevel level;
        try {
            level = OfficeLevel.valueOf(String.valueOf(n.level()).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad("admin.office.error.level", String.valueOf(n.level()));
        }
        Office office = office(id, code, level, new OfficeEdit(n.nameVi(), n.nameEn(), n.parentId(), date(n.validFrom()),
                date(n.validUntil())));
        tx.executeWithoutResult(s -> {
            lock();
            if (live.officesWith(live.storedOffices()).byId(id).isPresent()) {
                throw new DeskException(HttpStatus.CONFLICT, "admin.office.error.duplicate", id);
            }
            store(user, office, "admin.office.create");
        });
        live.reload();
        return row(id);
    }

    public Row edit(DeskUser user, String id, OfficeEdit e) {
        steward(user, live.offices());
        tx.executeWithoutResult(s -> {
            lock();
            Office before = existing(live.officesWith(live.storedOffices()), id);
            Office after = office(id, before.agencyCode(), before.level(), e == null ? OfficeEdit.of(before) : e);
            if (!after.equals(before)) {
                store(user, after, "admin.office.edit");
            }
        });
        live.reload();
        return row(id);
    }

    private Row row(String id) {
        return rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    /** Checks the fields that do not need the directory; the rest is checked by {@link #store}. */
    private static Office office(String id, AgencyCode code, OfficeLevel level, OfficeEdit e) {
        String vi = e.nameVi() == null ? "" : e.nameVi().strip();
        String en = e.nameEn() == null ? "" : e.nameEn().strip();
        if (vi.isEmpty() || en.isEmpty() || vi.length() > MAX_NAME || en.length() > MAX_NAME) {
            throw bad("admin.office.error.name", MAX_NAME);
        }
        if (e.validFrom() != null && e.validUntil() != null && e.validUntil().isBefore(e.validFrom())) {
            throw bad("admin.office.error.dates", e.validUntil(), e.validFrom());
        }
        String parent = e.parentId() == null || e.parentId().isBlank() ? null : e.parentId().strip();
        return new Office(id, code, level, Optional.ofNullable(parent), vi, en, Optional.ofNullable(e.validFrom()),
                Optional.ofNullable(e.validUntil()));
    }

    /** Checks the office against the directory it joins, then writes it (inside the caller's transaction). */
    private void store(DeskUser user, Office office, String action) {
        List<Office> stored = live.storedOffices();
        Map<String, Office> byId = new LinkedHashMap<>();
        live.officesWith(stored).all().forEach(o -> byId.put(o.id(), o));
        byId.put(office.id(), office);
        if (office.parentId().isPresent()) {
            Office parent = byId.get(office.parentId().get());
            if (parent == null) {
                throw bad("admin.office.error.parent", office.parentId().get());
            }
            if (!office.level().mayBeUnder(parent.level())) {
                throw bad("admin.office.error.levelAboveParent", office.level().name(), parent.id(), parent.level().name());
            }
        }
        if (LiveCatalogue.parentsFirstOrEmpty(byId).isEmpty()) {
            throw bad("admin.office.error.cycle", office.parentId().orElse(""));
        }
        try {
            List<Office> candidate = new ArrayList<>(stored);
            candidate.removeIf(o -> o.id().equals(office.id()));
            candidate.add(office);
            live.officesWith(candidate);
        } catch (DataFileException e) {
            if ("data.office.codeOverlap".equals(e.detailKey())) {
                throw bad("admin.office.error.codeOverlap", office.agencyCode().value());
            }
            throw e;
        }
        jdbc.sql("""
                        insert into admin_office (id, agency_code, level, parent_id, name_vi, name_en, valid_from,
                                                  valid_until, changed_by)
                        values (:id, :code, :level, :parent, :vi, :en, :from, :until, :by)
                        on conflict (id) do update set parent_id = excluded.parent_id, name_vi = excluded.name_vi,
                          name_en = excluded.name_en, valid_from = excluded.valid_from, valid_until = excluded.valid_until,
                          changed_at = now(), changed_by = excluded.changed_by""")
                .param("id", office.id()).param("code", office.agencyCode().value()).param("level", office.level().name())
                .param("parent", office.parentId().orElse(null)).param("vi", office.nameVi()).param("en", office.nameEn())
                .param("from", office.validFrom().orElse(null)).param("until", office.validUntil().orElse(null))
                .param("by", user.username())
                .update();
        sync.upsert(office);
        audit.record(user.username(), action, office.id(), office.agencyCode().value() + " " + office.level()
                + " parent " + office.parentId().orElse("-") + " valid " + office.validFrom().map(Object::toString)
                .orElse("") + ".." + office.validUntil().map(Object::toString).orElse(""));
    }

    /** A date typed as yyyy-MM-dd; blank or null: open. */
    static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw bad("admin.office.error.date", text);
        }
    }

    void lock() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query(Object.class).single();
    }

    private static Office existing(OfficeDirectory d, String id) {
        return d.byId(id).orElseThrow(() -> new DeskException(HttpStatus.NOT_FOUND, "admin.office.error.unknown", id));
    }

    private static DeskException bad(String key, Object... args) {
        return new DeskException(HttpStatus.BAD_REQUEST, key, args);
    }

    static void admin(DeskUser user) {
        if (user == null || !user.has(Role.ADMIN)) {
            throw new AccessDeniedException("admin only");
        }
    }

    /**
     * The directory and the catalogue are the province's: every administrator may read them, only an administrator of
     * a top-level office (one without a parent, the province) may change them.
     */
    static void steward(DeskUser user, OfficeDirectory offices) {
        admin(user);
        if (offices.byId(user.officeId()).map(o -> o.parentId().isPresent()).orElse(true)) {
            throw new DeskException(HttpStatus.FORBIDDEN, "admin.catalogue.error.province");
        }
    }
}
