package vn.motcua.server.admin;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.domain.office.Role;
import vn.motcua.server.Desk;
import vn.motcua.server.ServerTest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/** Calendar administration: changes apply to the next due date without a restart, are audited, admin only. */
@ServerTest
class AdminCalendarTest {

    static final String WARD = "phuong-ayun-pa";

    @Autowired
    Desk desk;
    @Autowired
    LiveCalendar live;
    @Autowired
    JdbcClient jdbc;

    private MvcResult send(MockHttpServletRequestBuilder req, Role role, String json) throws Exception {
        return desk.mvc().perform(req.contentType(MediaType.APPLICATION_JSON).content(json == null ? "" : json)
                .header("Accept-Language", "en").with(desk.as(WARD, role)).with(csrf())).andReturn();
    }

    private Instant preview(String receivedAt) throws Exception {
        MvcResult r = desk.get(WARD, Role.ADMIN, "/api/admin/calendar/due?procedure=1.009994&receivedAt=" + receivedAt);
        assertThat(r.getResponse().getStatus()).as(Desk.body(r)).isEqualTo(200);
        return Instant.parse(Desk.read(r, "$.dueAt"));
    }

    @Test
    void aNewHolidayMovesThePreviewedDueDateAndRemovingItMovesItBack() throws Exception {
        Instant before = preview("2031-03-03T08:00");
        assertThat(send(post("/api/admin/calendar/days-off"), Role.ADMIN,
                "{\"date\":\"2031-03-05\",\"kind\":\"EXTRA_DAY_OFF\"}").getResponse().getStatus()).isEqualTo(204);
        try {
            Instant after = preview("2031-03-03T08:00");
            LocalDate beforeDay = before.atZone(WorkingCalendar.ZONE).toLocalDate();
            assertThat(after.atZone(WorkingCalendar.ZONE).toLocalDate())
                    .isEqualTo(live.calendar().nextWorkingDay(beforeDay));   // the next working day after
            MvcResult year = desk.get(WARD, Role.ADMIN, "/api/admin/calendar/2031");
            assertThat(Desk.<List<String>>read(year, "$.daysOff[?(@.local == true)].date")).containsExactly("2031-03-05");
            assertThat(jdbc.sql("select count(*) from audit_log where action = 'admin.calendar.dayOff' and target = '2031-03-05'")
                    .query(Integer.class).single()).isEqualTo(1);
        } finally {
            assertThat(send(delete("/api/admin/calendar/entries/2031-03-05"), Role.ADMIN, null).getResponse().getStatus())
                    .isEqualTo(204);
        }
        assertThat(preview("2031-03-03T08:00")).isEqualTo(before);
    }

    @Test
    void receptionUsesTheEditedCalendarAtOnce() throws Exception {
        long first = desk.receiveAccepted(WARD, "1.009994", "application", "land-papers", "drawings");
        Instant due = Instant.parse(Desk.read(desk.get(WARD, Role.RECEPTION, "/api/dossiers/{id}", first), "$.dueAt"));
        WorkingCalendar c = live.calendar();
        LocalDate today = Instant.now().atZone(WorkingCalendar.ZONE).toLocalDate();
        LocalDate dayOff = c.plusWorkingDays(today, 3);   // well inside the 15 working days
        String json = "{\"date\":\"" + dayOff + "\",\"kind\":\"EXTRA_DAY_OFF\"}";
        assertThat(send(post("/api/admin/calendar/days-off"), Role.ADMIN, json).getResponse().getStatus()).isEqualTo(204);
        try {
            long second = desk.receiveAccepted(WARD, "1.009994", "application", "land-papers", "drawings");
            Instant moved = Instant.parse(Desk.read(desk.get(WARD, Role.RECEPTION, "/api/dossiers/{id}", second), "$.dueAt"));
            assertThat(moved).isAfter(due);
            assertThat(moved.atZone(WorkingCalendar.ZONE).toLocalDate())
                    .isAfter(due.atZone(WorkingCalendar.ZONE).toLocalDate());
            // The dossier received before the change keeps its due date.
            assertThat(Instant.parse(Desk.read(desk.get(WARD, Role.RECEPTION, "/api/dossiers/{id}", first), "$.dueAt")))
                    .isEqualTo(due);
        } finally {
            send(delete("/api/admin/calendar/entries/" + dayOff), Role.ADMIN, null);
        }
    }

    @Test
    void theYearViewShowsShippedDaysWorkedSaturdaysAndThePage() throws Exception {
        MvcResult year = desk.get(WARD, Role.ADMIN, "/api/admin/calendar/2026");
        assertThat(Desk.<List<String>>read(year, "$.daysOff[?(@.kind == 'TET')].date"))
                .contains("2026-02-16", "2026-02-20");
        assertThat(Desk.<List<String>>read(year, "$.workedWeekendDays")).contains("2026-01-10");
        MvcResult page = desk.get(WARD, Role.ADMIN, "/admin/calendar?year=2026&procedure=1.009994&receivedAt=2026-02-13T08:00");
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(Desk.body(page)).contains("id=\"year-view\"").contains("data-date=\"2026-02-16\"").contains("preview-due");
    }

    @Test
    void counterHoursAreCheckedAndApplied() throws Exception {
        String standard = live.calendar().counterHours().toString();
        MvcResult bad = send(put("/api/admin/calendar/counter-hours"), Role.ADMIN, "{\"hours\":\"25:00-26:00\"}");
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(Desk.<String>read(bad, "$.key")).isEqualTo("admin.error.counterHours");
        try {
            assertThat(send(put("/api/admin/calendar/counter-hours"), Role.ADMIN, "{\"hours\":\"07:30-11:30, 13:00-16:30\"}")
                    .getResponse().getStatus()).isEqualTo(204);
            assertThat(live.calendar().counterHours().closing().toString()).isEqualTo("16:30");
        } finally {
            send(put("/api/admin/calendar/counter-hours"), Role.ADMIN, "{\"hours\":\"" + standard + "\"}");
        }
        assertThat(live.calendar().counterHours().toString()).isEqualTo(standard);
    }

    @Test
    void onlyAdministratorsChangeTheCalendarAndBadInputIsRefused() throws Exception {
        assertThat(send(post("/api/admin/calendar/days-off"), Role.LEADER, "{\"date\":\"2031-03-06\",\"kind\":\"TET\"}")
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(desk.get(WARD, Role.ARCHIVIST, "/api/admin/calendar/2026").getResponse().getStatus()).isEqualTo(403);
        MvcResult kind = send(post("/api/admin/calendar/days-off"), Role.ADMIN, "{\"date\":\"2031-03-06\",\"kind\":\"PARTY\"}");
        assertThat(kind.getResponse().getStatus()).isEqualTo(400);
        assertThat(Desk.<String>read(kind, "$.key")).isEqualTo("admin.error.kind");
        assertThat(send(post("/api/admin/calendar/days-off"), Role.ADMIN, "{\"kind\":\"TET\"}").getResponse().getStatus())
                .isEqualTo(400);
        assertThat(send(delete("/api/admin/calendar/entries/2031-03-07"), Role.ADMIN, null).getResponse().getStatus())
                .isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from admin_calendar_entry where day = '2031-03-06'").query(Integer.class)
                .single()).isZero();
    }
}
