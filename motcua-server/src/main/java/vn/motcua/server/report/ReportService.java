package vn.motcua.server.report;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.domain.dossier.Dossier;
import vn.motcua.domain.dossier.DossierState;
import vn.motcua.domain.report.OfficeReport;
import vn.motcua.domain.report.Period;
import vn.motcua.domain.report.Reports;
import vn.motcua.server.archive.ArchiveSearch;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.server.dossier.DossierRepository;
import vn.motcua.server.dossier.StoredDossier;
import vn.motcua.server.satisfaction.Rating;
import vn.motcua.server.satisfaction.Satisfaction;
import vn.motcua.server.satisfaction.SatisfactionFigures;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Office reports over the stored histories, computed by the domain's {@link Reports} (one definition of every figure).
 * The database only narrows the dossiers down to those that can count in the period; drill-downs ask the same engine
 * which dossiers make up a number, so a list always has exactly as many dossiers as the number it came from.
 */
@Service
public class ReportService {

    private static final String[] CLOSED = Arrays.stream(DossierState.values()).filter(DossierState::isFinal)
            .map(Enum::name).toArray(String[]::new);

    private final JdbcClient jdbc;
    private final DossierRepository repository;
    private final ArchiveSearch scope;
    private final Satisfaction satisfaction;
    private final Clock clock;

    public ReportService(JdbcClient jdbc, DossierRepository repository, ArchiveSearch scope, Satisfaction satisfaction,
                         Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.scope = scope;
        this.satisfaction = satisfaction;
        this.clock = clock;
    }

    /** The office, if the user's office is it or above it; otherwise the same "not found" as an unknown office. */
    public String checkOffice(String userOffice, String office) {
        if (!scope.scope(userOffice).contains(office)) {
            throw new DeskException(HttpStatus.NOT_FOUND, "report.error.office", office);
        }
        return office;
    }

    public OfficeReport report(String office, Period period) {
        return Reports.compute(dossiers(office, period), office, period, clock.instant());
    }

    /** The report's figures and the satisfaction figures of the same office and period. */
    public TableRow row(String office, Period period) {
        return new TableRow(report(office, period), satisfaction.figures(office, period));
    }

    /** The ratings given in the period (all, or one answer): the drill-down of the satisfaction figures. */
    public List<Satisfaction.Rated> rated(String office, Period period, Optional<Rating> rating) {
        return satisfaction.rated(office, period, rating);
    }

    /** Month by month from the first to the last month of the period. */
    public List<OfficeReport> trend(String office, Period period) {
        List<Dossier> dossiers = dossiers(office, period);
        Instant now = clock.instant();
        List<OfficeReport> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(period.from()); !m.isAfter(YearMonth.from(period.to())); m = m.plusMonths(1)) {
            months.add(Reports.compute(dossiers, office, Period.month(m.getYear(), m.getMonthValue()), now));
        }
        return months;
    }

    /** The dossiers behind one number of the report. */
    public List<StoredDossier> drill(String office, Period period, ReportCategory category) {
        Instant now = clock.instant();
        return stored(office, period).stream()
                .filter(s -> category.of(Reports.compute(List.of(s.dossier()), office, period, now)) > 0)
                .toList();
    }

    /** Dossiers the office received and accepted in the period, in order of reception (the tracking book, Form 06). */
    public List<StoredDossier> book(String office, Period period) {
        List<Long> ids = jdbc.sql("""
                        select d.id from dossier d join dossier_history h on h.dossier_id = d.id and h.sequence = 1
                        where d.receiving_office = :office and d.received_at >= :start and d.received_at < :end
                          and h.to_state = 'RECEIVED'
                        order by d.received_at, d.id""")
                .param("office", office).param("start", ts(period.start())).param("end", ts(period.end()))
                .query(Long.class).list();
        return repository.findAll(ids).stream()
                .sorted(java.util.Comparator.comparing((StoredDossier s) -> s.dossier().receivedAt())
                        .thenComparing(StoredDossier::id))
                .toList();
    }

    private List<Dossier> dossiers(String office, Period period) {
        return stored(office, period).stream().map(StoredDossier::dossier).toList();
    }

    /**
     * Every dossier that can count: received by the office before the period ends, and either still open or written to
     * since the period started (a dossier closed before the period has no event in it and is not carried over).
     */
    private List<StoredDossier> stored(String office, Period period) {
        List<Long> ids = jdbc.sql("""
                        select id from dossier
                        where receiving_office = :office and received_at < :end
                          and (updated_at >= :start or state <> all(cast(:closed as text[])))""")
                .param("office", office).param("start", ts(period.start())).param("end", ts(period.end()))
                .param("closed", CLOSED)
                .query(Long.class).list();
        return repository.findAll(ids);
    }

    /** The leader's dashboard of the office: what is due today, overdue, waiting for a signature, and this month. */
    public Dashboard dashboard(String office) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(WorkingCalendar.ZONE).toLocalDate();
        Instant endOfToday = today.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        List<Long> dueToday = open(office, "d.due_at >= :now and d.due_at < :endOfToday", now, endOfToday);
        List<Long> overdue = open(office, "d.due_at < :now and d.pause_since is null", now, endOfToday);
        List<Long> toSign = open(office, "d.state = 'APPROVED'", now, endOfToday);
        List<Long> toApprove = open(office, "d.state = 'AWAITING_APPROVAL'", now, endOfToday);
        Period thisMonth = Period.month(today.getYear(), today.getMonthValue());
        return new Dashboard(office, now, dueToday, overdue, toSign, toApprove, report(office, thisMonth),
                satisfaction.figures(office, thisMonth));
    }

    private List<Long> open(String office, String condition, Instant now, Instant endOfToday) {
        return jdbc.sql("select d.id from dossier d where d.current_office = :office and d.state <> all(cast(:closed as text[]))"
                        + " and " + condition + " order by d.due_at nulls last, d.id")
                .param("office", office).param("closed", CLOSED).param("now", ts(now))
                .param("endOfToday", ts(endOfToday))
                .query(Long.class).list();
    }

    public List<StoredDossier> load(List<Long> ids) {
        return repository.findAll(ids);
    }

    public record Dashboard(String officeId, Instant at, List<Long> dueToday, List<Long> overdue,
                            List<Long> waitingForSignature, List<Long> waitingForApproval, OfficeReport thisMonth,
                            SatisfactionFigures satisfactionThisMonth) {
    }

    private static OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
