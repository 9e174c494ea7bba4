package vn.motcua.server.report;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.MultiValueMap;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.domain.office.Role;
import vn.motcua.domain.report.Period;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.server.satisfaction.Rating;
import vn.motcua.server.security.DeskUser;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * What a report request names: the office (default: the user's) and the period — {@code year} and {@code month}, or
 * {@code from} and {@code to} (yyyy-MM-dd), default the current month. Only leaders, archivists and administrators see
 * reports, and only for their office and the offices below it.
 */
record ReportRequest(String office, Period period) {

    private static final int MAX_DAYS = 3 * 366;

    static ReportRequest parse(DeskUser user, MultiValueMap<String, String> p, ReportService reports, Clock clock) {
        if (user == null || !(user.has(Role.LEADER) || user.has(Role.ARCHIVIST) || user.has(Role.ADMIN))) {
            throw new AccessDeniedException("reports");
        }
        String office = blank(p.getFirst("office")) ? user.officeId() : p.getFirst("office").strip();
        reports.checkOffice(user.officeId(), office);
        return new ReportRequest(office, period(p, clock));
    }

    static Period period(MultiValueMap<String, String> p, Clock clock) {
        try {
            if (!blank(p.getFirst("from")) || !blank(p.getFirst("to"))) {
                Period period = new Period(LocalDate.parse(p.getFirst("from").strip()), LocalDate.parse(p.getFirst("to").strip()));
                if (period.to().toEpochDay() - period.from().toEpochDay() > MAX_DAYS) {
                    throw invalid();
                }
                return period;
            }
            LocalDate today = clock.instant().atZone(WorkingCalendar.ZONE).toLocalDate();
            int year = blank(p.getFirst("year")) ? today.getYear() : Integer.parseInt(p.getFirst("year").strip());
            int month = blank(p.getFirst("month")) ? today.getMonthValue() : Integer.parseInt(p.getFirst("month").strip());
            return Period.month(year, month);
        } catch (DateTimeException | IllegalArgumentException | NullPointerException e) {
            throw invalid();
        }
    }

    static ReportCategory category(String value) {
        try {
            return ReportCategory.valueOf(String.valueOf(value).toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "report.error.category", String.valueOf(value));
        }
    }

    /** The optional answer of a satisfaction drill-down; blank = all ratings. */
    static Optional<Rating> rating(String value) {
        if (blank(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Rating.valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "report.error.category", value);
        }
    }

    private static DeskException invalid() {
        return new DeskException(HttpStatus.BAD_REQUEST, "report.error.period");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
