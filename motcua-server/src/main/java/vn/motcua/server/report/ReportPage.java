package vn.motcua.server.report;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import vn.motcua.domain.report.OfficeReport;
import vn.motcua.domain.report.Period;
import vn.motcua.server.archive.ArchiveSearch;
import vn.motcua.server.office.LiveCatalogue;
import vn.motcua.server.satisfaction.Rating;
import vn.motcua.server.security.DeskUser;

import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The pages "Báo cáo thống kê" (table, chart, exports), drill-down lists, the tracking book and the leader's dashboard. */
@Controller
public class ReportPage {

    private final ReportService reports;
    private final ReportApi api;
    private final ArchiveSearch scope;
    private final LiveCatalogue catalogue;
    private final Clock clock;

    public ReportPage(ReportService reports, ReportApi api, ArchiveSearch scope, LiveCatalogue catalogue, Clock clock) {
        this.reports = reports;
        this.api = api;
        this.scope = scope;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @GetMapping("/reports")
    public String table(@AuthenticationPrincipal DeskUser user, @RequestParam MultiValueMap<String, String> params,
                        Locale locale, Model model) {
        ReportRequest r = ReportRequest.parse(user, params, reports, clock);
        common(user, r, model);
        model.addAttribute("rows", api.rows(r));
        model.addAttribute("categories", ReportExport.TABLE);
        // The chart shows the twelve months up to the period's last month.
        YearMonth last = YearMonth.from(r.period().to());
        YearMonth first = last.minusMonths(11);
        List<OfficeReport> trend = reports.trend(r.office(), new Period(first.atDay(1), last.atEndOfMonth()));
        model.addAttribute("chartLabels", trend.stream().map(t -> YearMonth.from(t.period().from()).toString())
                .collect(Collectors.joining(",")));
        model.addAttribute("chartReceived", trend.stream().map(t -> String.valueOf(t.receivedNew()))
                .collect(Collectors.joining(",")));
        model.addAttribute("chartResolved", trend.stream().map(t -> String.valueOf(t.resolved()))
                .collect(Collectors.joining(",")));
        model.addAttribute("chartOnTime", trend.stream().map(t -> t.onTimeRate().map(Object::toString).orElse(""))
                .collect(Collectors.joining(",")));
        return "report";
    }

    @GetMapping("/reports/drill")
    public String drill(@AuthenticationPrincipal DeskUser user, @RequestParam MultiValueMap<String, String> params,
                        Locale locale, Model model) {
        ReportRequest r = ReportRequest.parse(user, params, reports, clock);
        ReportCategory category = ReportRequest.category(params.getFirst("category"));
        common(user, r, model);
        model.addAttribute("heading", "report.cat." + category.name());
        model.addAttribute("lines", reports.drill(r.office(), r.period(), category).stream()
                .map(s -> DossierLine.of(s, locale)).toList());
        return "report-list";
    }

    @GetMapping("/reports/satisfaction")
    public String satisfaction(@AuthenticationPrincipal DeskUser user, @RequestParam MultiValueMap<String, String> params,
                               Locale locale, Model model) {
        ReportRequest r = ReportRequest.parse(user, params, reports, clock);
        Optional<Rating> rating = ReportRequest.rating(params.getFirst("rating"));
        common(user, r, model);
        model.addAttribute("heading", "report.sat.heading." + rating.map(Enum::name).orElse("RATED"));
        List<ReportApi.RatedLine> rated = api.rated(r, rating, locale);
        model.addAttribute("lines", rated.stream().map(ReportApi.RatedLine::dossier).toList());
        model.addAttribute("rated", rated);
        return "report-list";
    }

    @GetMapping("/reports/book")
    public String book(@AuthenticationPrincipal DeskUser user, @RequestParam MultiValueMap<String, String> params,
                       Locale locale, Model model) {
        ReportRequest r = ReportRequest.parse(user, params, reports, clock);
        common(user, r, model);
        model.addAttribute("heading", "report.book.title");
        model.addAttribute("book", true);
        model.addAttribute("lines", reports.book(r.office(), r.period()).stream()
                .map(s -> DossierLine.of(s, locale)).toList());
        return "report-list";
    }

    @GetMapping("/reports/dashboard")
    public String dashboard(@AuthenticationPrincipal DeskUser user, @RequestParam MultiValueMap<String, String> params,
                            Locale locale, Model model) {
        ReportRequest r = ReportRequest.parse(user, params, reports, clock);
        common(user, r, model);
        ReportService.Dashboard d = reports.dashboard(r.office());
        model.addAttribute("dashboard", d);
        java.time.LocalDate today = d.at().atZone(vn.motcua.domain.calendar.WorkingCalendar.ZONE).toLocalDate();
        model.addAttribute("satisfactionFrom", today.withDayOfMonth(1));
        model.addAttribute("satisfactionTo", today.withDayOfMonth(today.lengthOfMonth()));
        String list = params.getFirst("list");
        Optional<List<Long>> ids = Optional.ofNullable(list).map(l -> switch (l) {
            case "dueToday" -> d.dueToday();
            case "overdue" -> d.overdue();
            case "waitingForSignature" -> d.waitingForSignature();
            case "waitingForApproval" -> d.waitingForApproval();
            default -> List.<Long>of();
        });
        ids.ifPresent(i -> {
            model.addAttribute("heading", "report.dashboard." + list);
            model.addAttribute("lines", reports.load(i).stream().map(s -> DossierLine.of(s, locale)).toList());
        });
        return "report-dashboard";
    }

    @GetMapping("/reports/export")
    public void export(@AuthenticationPrincipal DeskUser user, @RequestParam MultiValueMap<String, String> params,
                       Locale locale, HttpServletResponse response) throws IOException {
        api.exportTo(user, params, locale, response);
    }

    private void common(DeskUser user, ReportRequest r, Model model) {
        model.addAttribute("office", r.office());
        model.addAttribute("period", r.period());
        model.addAttribute("offices", scope.scope(user.officeId()).stream().map(catalogue.offices()::byId)
                .flatMap(Optional::stream).toList());
        model.addAttribute("link", new Links(r));
    }

    /** Links that keep the office and period. */
    public static final class Links {
        private final ReportRequest r;

        Links(ReportRequest r) {
            this.r = r;
        }

        public String to(String path, String key, String value) {
            MultiValueMap<String, String> p = new LinkedMultiValueMap<>();
            p.set("office", r.office());
            p.set("from", r.period().from().toString());
            p.set("to", r.period().to().toString());
            if (key != null) {
                p.set(key, value);
            }
            return path + "?" + UriComponentsBuilder.newInstance().queryParams(p).encode().build().getQuery();
        }

        public String drill(String office, ReportCategory c) {
            MultiValueMap<String, String> p = new LinkedMultiValueMap<>();
            p.set("office", office);
            p.set("from", r.period().from().toString());
            p.set("to", r.period().to().toString());
            p.set("category", c.name());
            return "/reports/drill?" + UriComponentsBuilder.newInstance().queryParams(p).encode().build().getQuery();
        }

        public String satisfaction(String office, String rating) {
            MultiValueMap<String, String> p = new LinkedMultiValueMap<>();
            p.set("office", office);
            p.set("from", r.period().from().toString());
            p.set("to", r.period().to().toString());
            if (rating != null) {
                p.set("rating", rating);
            }
            return "/reports/satisfaction?" + UriComponentsBuilder.newInstance().queryParams(p).encode().build().getQuery();
        }

        public String export(String what, String format) {
            return to("/reports/export", "what", what) + "&format=" + format;
        }
    }
}
