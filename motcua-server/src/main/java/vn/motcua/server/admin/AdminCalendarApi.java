package vn.motcua.server.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.server.security.DeskUser;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/** The working calendar for administrators: year view, days off, worked days, counter hours, due-date preview. */
@RestController
@RequestMapping("/api/admin/calendar")
@Tag(name = "admin")
public class AdminCalendarApi {

    private final AdminCalendar calendar;

    public AdminCalendarApi(AdminCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/{year}")
    @Operation(summary = "Days off, worked weekend days and counter hours of the year, with the local entries")
    public AdminCalendar.YearView year(@AuthenticationPrincipal DeskUser user, @PathVariable int year, Locale locale) {
        return calendar.year(user, year, locale);
    }

    @PostMapping("/days-off")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Add (or replace) a day off: kind TET, SWAPPED_OFF, EXTRA_DAY_OFF, ...; applies at once; audited")
    public void dayOff(@AuthenticationPrincipal DeskUser user, @RequestBody AdminCalendar.DayOff day) {
        calendar.addDayOff(user, day);
    }

    @PostMapping("/working-days")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Make a day worked (the Saturday of a swap); applies at once; audited")
    public void workingDay(@AuthenticationPrincipal DeskUser user, @RequestBody Map<String, LocalDate> body) {
        calendar.addWorkingDay(user, body.get("date"));
    }

    @DeleteMapping("/entries/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a local entry (back to the shipped calendar for that day); audited")
    public void remove(@AuthenticationPrincipal DeskUser user, @PathVariable LocalDate date) {
        calendar.remove(user, date);
    }

    @PutMapping("/counter-hours")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Counter hours, e.g. 07:00-11:30, 13:30-17:00; audited")
    public void counterHours(@AuthenticationPrincipal DeskUser user, @RequestBody Map<String, String> body) {
        calendar.counterHours(user, body.get("hours"));
    }

    @GetMapping("/due")
    @Operation(summary = "Preview: the due date of a dossier of the procedure received at the local time (yyyy-MM-ddTHH:mm)")
    public Map<String, Instant> due(@AuthenticationPrincipal DeskUser user, @RequestParam String procedure,
                                    @RequestParam String receivedAt) {
        Instant at;
        try {
            at = LocalDateTime.parse(receivedAt).atZone(WorkingCalendar.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "admin.error.day");
        }
        return Map.of("dueAt", calendar.previewDue(user, procedure, at).orElseThrow());
    }
}
