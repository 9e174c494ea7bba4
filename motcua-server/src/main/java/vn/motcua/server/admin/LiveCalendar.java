package vn.motcua.server.admin;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.domain.calendar.CalendarOverrides;
import vn.motcua.domain.calendar.CounterHours;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.domain.dossier.DossierLifecycle;
import vn.motcua.domain.office.OfficeDirectory;
import vn.motcua.server.office.LiveCatalogue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The working calendar in force: the shipped calendar (the {@link WorkingCalendar} bean) plus the administrators'
 * overrides and counter hours stored in the database. Reception and transitions take the lifecycle from here on every
 * call, so an edit applies to the next dossier without a restart; dossiers already received keep their due dates. The
 * lifecycle checks offices against the directory in force ({@link LiveCatalogue}): it is rebuilt when that changes.
 */
@Component
public class LiveCalendar {

    static final String COUNTER_HOURS = "calendar.counter-hours";

    private final WorkingCalendar shipped;
    private final LiveCatalogue catalogue;
    private final JdbcClient jdbc;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    private record Snapshot(WorkingCalendar calendar, OfficeDirectory offices, DossierLifecycle lifecycle) {
    }

    public LiveCalendar(WorkingCalendar shipped, LiveCatalogue catalogue, JdbcClient jdbc) {
        this.shipped = shipped;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
    }

    public WorkingCalendar calendar() {
        return snapshot().calendar();
    }

    public DossierLifecycle lifecycle() {
        return snapshot().lifecycle();
    }

    /** Re-reads the stored overrides; called after every change. */
    public void reload() {
        current.set(load());
    }

    private Snapshot snapshot() {
        Snapshot s = current.get();
        if (s == null) {
            s = load();
            current.compareAndSet(null, s);
        } else if (s.offices() != catalogue.offices()) {
            // The directory changed since: same calendar, a lifecycle over the new offices.
            OfficeDirectory offices = catalogue.offices();
            Snapshot rebuilt = new Snapshot(s.calendar(), offices, new DossierLifecycle(s.calendar(), offices));
            current.compareAndSet(s, rebuilt);
            s = rebuilt;
        }
        return s;
    }

    private Snapshot load() {
        String text = storedText();
        java.util.Optional<CounterHours> setting = jdbc.sql("select value from admin_setting where key = ?")
                .param(COUNTER_HOURS).query(String.class).optional().map(CounterHours::parse);
        OfficeDirectory offices = catalogue.offices();
        if (text.isEmpty() && setting.map(h -> h.toString().equals(shipped.counterHours().toString())).orElse(true)) {
            // Nothing edited: the shipped calendar bean itself (its caches are already warm).
            return new Snapshot(shipped, offices, new DossierLifecycle(shipped, offices));
        }
        CalendarOverrides stored = parse(text);
        CounterHours hours = setting.orElse(shipped.counterHours());
        WorkingCalendar calendar = WorkingCalendar.builder().overrides(shipped.overrides().plus(stored))
                .counterHours(hours).build();
        return new Snapshot(calendar, offices, new DossierLifecycle(calendar, offices));
    }

    /** The stored entries in the domain's text format. */
    String storedText() {
        StringBuilder text = new StringBuilder();
        jdbc.sql("select day, kind, name_key from admin_calendar_entry order by day")
                .query((rs, i) -> {
                    String kind = rs.getString(2);
                    text.append(kind == null ? "work " + rs.getString(1)
                            : "off " + rs.getString(1) + " " + kind + (rs.getString(3) == null ? "" : " " + rs.getString(3)));
                    return text.append('\n');
                }).list();
        return text.toString();
    }

    static CalendarOverrides parse(String text) {
        try {
            return CalendarOverrides.parse(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
