package vn.motcua.server.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.server.satisfaction.Rating;
import vn.motcua.server.satisfaction.Satisfaction;
import vn.motcua.server.audit.AuditLog;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.server.office.LiveCatalogue;
import vn.motcua.server.security.DeskUser;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reports (Báo cáo thống kê) over HTTP. Every endpoint takes {@code office} (default: the caller's) and the period
 * ({@code year}+{@code month}, or {@code from}+{@code to} as yyyy-MM-dd; default: this month).
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "reports")
public class ReportApi {

    private final ReportService reports;
    private final ReportExport export;
    private final LiveCatalogue catalogue;
    private final AuditLog audit;
    private final Satisfaction satisfaction;
    private final Clock clock;

    public ReportApi(ReportService reports, ReportExport export, LiveCatalogue catalogue, AuditLog audit,
                     Satisfaction satisfaction, Clock clock) {
        this.reports = reports;
        this.export = export;
        this.catalogue = catalogue;
        this.audit = audit;
        this.satisfaction = satisfaction;
        this.clock = clock;
    }

    @GetMapping("/office")
    @Operation(summary = "The DOMAIN.md §6 figures of the office for the period, with on-time and online rates")
    public ReportView office(@AuthenticationPrincipal DeskUser user, @RequestParam MultiValueMap<String, String> params) {
        ReportRequest r = ReportRequest.parse(user, params, reports, clock);
        return ReportView.of(reports.row(r.office(), r.period()));
    }

    @GetMapping("/table")
    @Operation(summary = "The report table: the office and each office directly below it, one row each")
    public List<ReportView> table(@AuthenticationPrincipal DeskUser user, @RequestParam MultiValueMap<String, String> params) {
        ReportRequest r = ReportRequest.parse(user, params, reports, clock);
        return rows(r).stream().map(ReportView::of).toList();
    }

    @GetMapping("/trend")
    @Operation(summary = "Month by month over the period (the chart's data)")
    public List<ReportView> trend(@AuthenticationPrincipal DeskUser user, @RequestParam MultiValueMap<String, String> params) {
        ReportRequest r = ReportRequest.parse(user, params, reports, clock);
        return reports.trend(r.office(), r.period()).stream()
                .map(m -> ReportView.of(m, satisfaction.figures(r.office(), m.period()))).toList();
    }

    @GetMapping("/drill")
    @Operation(summary = "The dossiers behind one number (category = one of ReportCategory)")
    public List<DossierLine> drill(@AuthenticationPrincipal DeskUser user, @RequestParam MultiValueMap<String, String> params,
                                   Locale locale) {
        ReportRequest r = ReportRequest.parse(user, params, reports, clock);
        ReportCategory category = ReportRequest.category(params.getFirst("category"));
        return reports.drill(r.office(), r.period(), category).stream().map(s -> DossierLine.of(s, locale)).toList();
    }

    @GetMapping("/satisfaction")
    @Operation(summary = "The dossiers behind the satisfaction figures: rated in the period (rating = SATISFIED, NEUTRAL, "
            + "DISSATISFIED, or none for all ratings)")
    public List<RatedLine> satisfaction(@AuthenticationPrincipal DeskUser user,
                                        @RequestParam MultiValueMap<String, String> params, Locale locale) {
        ReportRequest r = ReportRequest.parse(user, params, reports, clock);
        return rated(r, ReportRequest.rating(params.getFirst("rating")), locale);
    }

    /** A rated dossier in a drill-down: its book line, the answer, when and where it was given, the comment. */
    public record RatedLine(DossierLine dossier, Rating rating, Instant ratedAt, String channel, String comment) {
    }

    List<RatedLine> rated(ReportRequest r, Optional<Rating> rating, Locale locale) {
        return reports.rated(r.office(), r.period(), rating).stream()
                .map(x -> new RatedLine(DossierLine.of(x.dossier(), locale), x.rating().rating(), x.rating().ratedAt(),
                        x.rating().channel(), x.rating().comment()))
                .toList();
    }

    @GetMapping("/book")
    @Operation(summary = "The tracking book (Sổ theo dõi hồ sơ, Form 06): dossiers received in the period")
    public List<DossierLine> book(@AuthenticationPrincipal DeskUser user, @RequestParam MultiValueMap<String, String> params,
                                  Locale locale) {
        ReportRequest r = ReportRequest.parse(user, params, reports, clock);
        return reports.book(r.office(), r.period()).stream().map(s -> DossierLine.of(s, locale)).toList();
    }

    @GetMapping("/dashboard")
    @Operation(summary = "The leader's dashboard: due today, overdue, waiting for signature or approval, this month")
    public ReportService.Dashboard dashboard(@AuthenticationPrincipal DeskUser user,
                                             @RequestParam MultiValueMap<String, String> params) {
        ReportRequest r = ReportRequest.parse(user, params, reports, clock);
        return reports.dashboard(r.office());
    }

    @GetMapping("/export")
    @Operation(summary = "The report table (what=report, format=xlsx|pdf) or the tracking book (what=book, format=xlsx|pdf)")
    public void export(@AuthenticationPrincipal DeskUser user, @RequestParam MultiValueMap<String, String> params,
                       Locale locale, HttpServletResponse response) throws IOException {
        exportTo(user, params, locale, response);
    }

    void exportTo(DeskUser user, MultiValueMap<String, String> params, Locale locale, HttpServletResponse response)
            throws IOException {
        ReportRequest r = ReportRequest.parse(user, params, reports, clock);
        String what = String.valueOf(params.getFirst("what") == null ? "report" : params.getFirst("what"));
        String format = String.valueOf(params.getFirst("format")).toLowerCase(Locale.ROOT);
        String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        String name = what + "-" + r.office() + "-" + r.period().from() + "-" + r.period().to();
        switch (what + "." + format) {
            case "report.xlsx" -> {
                start(response, xlsx, name + ".xlsx");
                export.xlsx(rows(r), locale, response.getOutputStream());
            }
            case "report.pdf" -> {
                start(response, "application/pdf", name + ".pdf");
                export.pdf(rows(r), locale, response.getOutputStream());
            }
            case "book.xlsx" -> {
                List<DossierLine> lines = reports.book(r.office(), r.period()).stream()
                        .map(s -> DossierLine.of(s, locale)).toList();
                start(response, xlsx, name + ".xlsx");
                export.bookXlsx(lines, r.office(), locale, response.getOutputStream());
            }
            case "book.pdf" -> {
                List<DossierLine> lines = reports.book(r.office(), r.period()).stream()
                        .map(s -> DossierLine.of(s, locale)).toList();
                start(response, "application/pdf", name + ".pdf");
                export.bookPdf(lines, r.office(), r.period(), locale, response.getOutputStream());
            }
            default -> throw new DeskException(HttpStatus.BAD_REQUEST, "report.error.format", what + "." + format);
        }
        audit.record(user.username(), "report.export", r.office(), what + "." + format + " " + r.period().from()
                + ".." + r.period().to());
    }

    private static void start(HttpServletResponse response, String type, String fileName) {
        response.setContentType(type);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }

    List<TableRow> rows(ReportRequest r) {
        List<TableRow> rows = new ArrayList<>();
        rows.add(reports.row(r.office(), r.period()));
        var offices = catalogue.offices();
        offices.byId(r.office()).ifPresent(o -> offices.children(o).forEach(
                child -> rows.add(reports.row(child.id(), r.period()))));
        return rows;
    }
}
