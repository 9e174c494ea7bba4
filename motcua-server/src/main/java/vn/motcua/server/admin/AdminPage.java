package vn.motcua.server.admin;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.domain.calendar.Holiday;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.server.office.LiveCatalogue;
import vn.motcua.server.security.DeskUser;
import vn.motcua.server.web.ApiErrors;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The administrator's calendar page: a year view (12 months), local entries, forms, a due-date preview. */
@Controller
public class AdminPage {

    private final AdminCalendar calendar;
    private final LiveCatalogue catalogue;
    private final ApiErrors errors;
    private final Clock clock;

    public AdminPage(AdminCalendar calendar, LiveCatalogue catalogue, ApiErrors errors, Clock clock) {
        this.calendar = calendar;
        this.catalogue = catalogue;
        this.errors = errors;
        this.clock = clock;
    }

    /** A month of the year view: weeks of cells, Monday first; null cells pad the first and last weeks. */
    public record Month(YearMonth month, List<List<Cell>> weeks) {
    }

    public record Cell(LocalDate date, String css, String title) {
    }

    @GetMapping("/admin/calendar")
    public String page(@AuthenticationPrincipal DeskUser user, @RequestParam(required = false) Integer year,
                       @RequestParam(required = false) String procedure, @RequestParam(required = false) String receivedAt,
                       Locale locale, Model model) {
        int y = year == null ? clock.instant().atZone(WorkingCalendar.ZONE).getYear() : year;
        AdminCalendar.YearView view = calendar.year(user, y, locale);
        model.addAttribute("view", view);
        model.addAttribute("months", months(view));
        model.addAttribute("kinds", Holiday.Kind.values());
        model.addAttribute("procedures", catalogue.procedures().codes());
        if (procedure != null && receivedAt != null) {
            try {
                model.addAttribute("previewDue", calendar.previewDue(user, procedure,
                        LocalDateTime.parse(receivedAt).atZone(WorkingCalendar.ZONE).toInstant()).orElseThrow());
            } catch (DeskException | DateTimeParseException e) {
                model.addAttribute("error", errors.describe(e instanceof DeskException d ? d
                        : new DeskException(org.springframework.http.HttpStatus.BAD_REQUEST, "admin.error.day"), locale));
            }
        }
        model.addAttribute("procedure", procedure);
        model.addAttribute("receivedAt", receivedAt);
        return "admin-calendar";
    }

    @PostMapping("/admin/calendar/day-off")
    public String dayOff(@AuthenticationPrincipal DeskUser user, @RequestParam LocalDate date, @RequestParam String kind,
                         @RequestParam(required = false) String nameKey, RedirectAttributes redirect, Locale locale) {
        return change(() -> calendar.addDayOff(user, new AdminCalendar.DayOff(date, kind, nameKey)), date, redirect, locale);
    }

    @PostMapping("/admin/calendar/working-day")
    public String workingDay(@AuthenticationPrincipal DeskUser user, @RequestParam LocalDate date,
                             RedirectAttributes redirect, Locale locale) {
        return change(() -> calendar.addWorkingDay(user, date), date, redirect, locale);
    }

    @PostMapping("/admin/calendar/remove")
    public String remove(@AuthenticationPrincipal DeskUser user, @RequestParam LocalDate date,
                         RedirectAttributes redirect, Locale locale) {
        return change(() -> calendar.remove(user, date), date, redirect, locale);
    }

    @PostMapping("/admin/calendar/counter-hours")
    public String counterHours(@AuthenticationPrincipal DeskUser user, @RequestParam String hours,
                               RedirectAttributes redirect, Locale locale) {
        return change(() -> calendar.counterHours(user, hours), clock.instant().atZone(WorkingCalendar.ZONE).toLocalDate(),
                redirect, locale);
    }

    private String change(Runnable action, LocalDate date, RedirectAttributes redirect, Locale locale) {
        errors.flash(action, redirect, locale);
        redirect.addAttribute("year", date.getYear());
        return "redirect:/admin/calendar";
    }

    private static List<Month> months(AdminCalendar.YearView view) {
        Set<LocalDate> worked = Set.copyOf(view.workedWeekendDays());
        var off = view.daysOff().stream().collect(Collectors.toMap(AdminCalendar.Day::date, d -> d, (a, b) -> a));
        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth ym = YearMonth.of(view.year(), m);
            List<List<Cell>> weeks = new ArrayList<>();
            List<Cell> week = new ArrayList<>();
            for (int pad = 1; pad < ym.atDay(1).getDayOfWeek().getValue(); pad++) {
                week.add(null);
            }
            for (int d = 1; d <= ym.lengthOfMonth(); d++) {
                LocalDate date = ym.atDay(d);
                AdminCalendar.Day h = off.get(date);
                String css = h != null ? "off" + (h.local() ? " local" : "") : worked.contains(date) ? "worked"
                        : date.getDayOfWeek().getValue() > 5 ? "weekend" : "";
                week.add(new Cell(date, css, h != null ? h.name() : ""));
                if (week.size() == 7) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(null);
                }
                weeks.add(week);
            }
            months.add(new Month(ym, weeks));
        }
        return months;
    }
}
