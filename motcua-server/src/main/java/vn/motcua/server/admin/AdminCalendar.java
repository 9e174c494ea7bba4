package vn.motcua.server.admin;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.domain.DomainMessages;
import vn.motcua.domain.calendar.CalendarDataException;
import vn.motcua.domain.calendar.CounterHours;
import vn.motcua.domain.calendar.Holiday;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.domain.office.Role;
import vn.motcua.domain.procedure.Procedure;
import vn.motcua.server.audit.AuditLog;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.server.office.LiveCatalogue;
import vn.motcua.server.security.DeskUser;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The administrators' calendar: days off (holidays, Tết, swapped days, extra days off), worked days (the Saturday of a
 * swap) and counter hours. Each change is checked by the domain's own parser, stored, audited and applied at once.
 */
@Service
public class AdminCalendar {

    private static final int MIN_YEAR = 2000;
    private static final int MAX_YEAR = 2100;

    private final JdbcClient jdbc;
    private final LiveCalendar live;
    private final AuditLog audit;
    private final LiveCatalogue catalogue;

    public AdminCalendar(JdbcClient jdbc, LiveCalendar live, AuditLog audit, LiveCatalogue catalogue) {
        this.jdbc = jdbc;
        this.live = live;
        this.audit = audit;
        this.catalogue = catalogue;
    }

    /** One day of the year view. */
    public record Day(LocalDate date, boolean working, String kind, String name, boolean local) {
    }

    public record YearView(int year, List<Day> daysOff, List<LocalDate> workedWeekendDays, String counterHours,
                           List<Day> localEntries) {
    }

    public record DayOff(LocalDate date, String kind, String nameKey) {
    }

    public YearView year(DeskUser user, int year, Locale locale) {
        admin(user);
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "admin.error.year", year);
        }
        WorkingCalendar c = live.calendar();
        List<LocalDate> local = jdbc.sql("select day from admin_calendar_entry").query(LocalDate.class).list();
        List<Day> off = c.daysOff(year).stream().map(h -> new Day(h.date(), false, h.kind().name(),
                DomainMessages.format(locale, h.nameKey()), local.contains(h.date()))).toList();
        List<LocalDate> worked = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (weekend && c.isWorkingDay(d)) {
                worked.add(d);
            }
        }
        List<Day> entries = jdbc.sql("select day, kind, name_key from admin_calendar_entry order by day")
                .query((rs, i) -> new Day(rs.getObject(1, LocalDate.class), rs.getString(2) == null,
                        rs.getString(2), rs.getString(3), true)).list();
        return new YearView(year, off, worked, c.counterHours().toString(), entries);
    }

    @Transactional
    public void addDayOff(DeskUser user, DayOff day) {
        admin(user);
        if (day == null || day.date() == null || day.kind() == null) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "admin.error.day");
        }
        Holiday.Kind kind;
        try {
            kind = Holiday.Kind.valueOf(day.kind().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "admin.error.kind", day.kind());
        }
        String key = day.nameKey() == null || day.nameKey().isBlank() ? null : day.nameKey().strip();
        if (key != null && !DomainMessages.isDefined(key)) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "admin.error.nameKey", key);
        }
        store(user, day.date(), kind.name(), key);
    }

    @Transactional
    public void addWorkingDay(DeskUser user, LocalDate date) {
        admin(user);
        if (date == null) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "admin.error.day");
        }
        store(user, date, null, null);
    }

    @Transactional
    public void remove(DeskUser user, LocalDate date) {
        admin(user);
        int deleted = jdbc.sql("delete from admin_calendar_entry where day = ?").param(date).update();
        if (deleted == 0) {
            throw new DeskException(HttpStatus.NOT_FOUND, "admin.error.noEntry", date.toString());
        }
        audit.record(user.username(), "admin.calendar.remove", date.toString(), null);
        live.reload();
    }

    @Transactional
    public void counterHours(DeskUser user, String text) {
        admin(user);
        CounterHours hours;
        try {
            hours = CounterHours.parse(text == null ? "" : text);
        } catch (CalendarDataException e) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "admin.error.counterHours", String.valueOf(text));
        }
        jdbc.sql("""
                        insert into admin_setting (key, value, changed_by) values (?, ?, ?)
                        on conflict (key) do update set value = excluded.value, changed_by = excluded.changed_by,
                          changed_at = now()""")
                .params(LiveCalendar.COUNTER_HOURS, hours.toString(), user.username()).update();
        audit.record(user.username(), "admin.calendar.counterHours", null, hours.toString());
        live.reload();
    }

    /** The due date a dossier of the procedure received at the instant would get under the calendar in force. */
    public Optional<Instant> previewDue(DeskUser user, String procedureCode, Instant receivedAt) {
        admin(user);
        LocalDate day = receivedAt.atZone(WorkingCalendar.ZONE).toLocalDate();
        Procedure p = catalogue.procedures().versionOn(procedureCode, day).orElseThrow(
                () -> new DeskException(HttpStatus.BAD_REQUEST, "admin.error.procedure", procedureCode));
        return Optional.of(live.calendar().dueAt(receivedAt, p.timeLimit(), p.cutOff()));
    }

    private void store(DeskUser user, LocalDate date, String kind, String key) {
        String previous = live.storedText();
        jdbc.sql("""
                        insert into admin_calendar_entry (day, kind, name_key, changed_by) values (?, ?, ?, ?)
                        on conflict (day) do update set kind = excluded.kind, name_key = excluded.name_key,
                          changed_by = excluded.changed_by, changed_at = now()""")
                .params(date, kind, key, user.username()).update();
        try {
            LiveCalendar.parse(live.storedText());   // the domain's own checks; a bad entry rolls the change back
        } catch (CalendarDataException e) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "admin.error.day");
        }
        audit.record(user.username(), kind == null ? "admin.calendar.workingDay" : "admin.calendar.dayOff",
                date.toString(), kind == null ? null : kind + (key == null ? "" : " " + key));
        if (!previous.equals(live.storedText())) {
            live.reload();
        }
    }

    static void admin(DeskUser user) {
        if (user == null || !user.has(Role.ADMIN)) {
            throw new AccessDeniedException("admin only");
        }
    }
}
