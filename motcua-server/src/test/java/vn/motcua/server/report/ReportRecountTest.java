package vn.motcua.server.report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import vn.motcua.domain.dossier.Verdict;
import vn.motcua.domain.office.Role;
import vn.motcua.domain.report.Period;
import vn.motcua.server.Desk;
import vn.motcua.server.ServerTest;
import vn.motcua.server.TestClock;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.server.report.GeneratedHistory.AYUN_PA;
import static vn.motcua.server.report.GeneratedHistory.DOAN_KET;
import static vn.motcua.server.report.GeneratedHistory.HOA_BINH;

/**
 * Report figures against an independent recount from the stored history rows, on a seeded random set of dossiers of
 * phường Hòa Bình from November 2024 to February 2025 (carried over, paused for supplements, forwarded to the district
 * and back, signed early/on time/late, returned, withdrawn, stopped), for periods crossing month and year boundaries.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportRecountTest {

    static final Set<String> CLOSED = Set.of("RETURNED", "INCOMPLETE", "REFUSED", "STOPPED", "WITHDRAWN", "ARCHIVED");
    static final List<Period> PERIODS = List.of(Period.month(2024, 11), Period.month(2024, 12), Period.month(2025, 1),
            Period.month(2025, 2), new Period(LocalDate.of(2024, 12, 16), LocalDate.of(2025, 1, 15)),
            new Period(LocalDate.of(2024, 10, 1), LocalDate.of(2025, 3, 31)));

    @Autowired
    Desk desk;
    @Autowired
    GeneratedHistory history;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    @BeforeAll
    void generate() {
        history.randomWalks(20241101L, 160, HOA_BINH, LocalDate.of(2024, 11, 1), LocalDate.of(2025, 2, 15));
    }

    record Entry(String action, String to, Instant at, Instant due, boolean paused) {
    }

    record Row(long id, String channel, Instant receivedAt, List<Entry> history) {
    }

    List<Row> rows(String office) {
        Map<Long, Row> rows = new LinkedHashMap<>();
        jdbc.sql("select id, channel, received_at from dossier where receiving_office = ? order by id").param(office)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                        new ArrayList<>()))
                .list().forEach(r -> rows.put(r.id(), r));
        jdbc.sql("""
                        select h.dossier_id, h.action, h.to_state, h.at, h.due_at, h.clock_paused from dossier_history h
                        join dossier d on d.id = h.dossier_id where d.receiving_office = ? order by h.dossier_id, h.sequence""")
                .param(office)
                .query((rs, i) -> {
                    OffsetDateTime due = rs.getObject(5, OffsetDateTime.class);
                    rows.get(rs.getLong(1)).history().add(new Entry(rs.getString(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), due == null ? null : due.toInstant(),
                            rs.getBoolean(6)));
                    return null;
                }).list();
        return new ArrayList<>(rows.values());
    }

    /** The §6 definitions applied directly to the history rows. */
    Map<ReportCategory, Integer> recount(List<Row> rows, Period period, Instant now) {
        Instant start = period.start();
        Instant asOf = now.isBefore(period.end()) ? now : period.end();
        Map<ReportCategory, Integer> c = new EnumMap<>(ReportCategory.class);
        for (ReportCategory k : ReportCategory.values()) {
            c.put(k, 0);
        }
        for (Row r : rows) {
            if (!r.history().get(0).to().equals("RECEIVED")) {
                continue;
            }
            if (!r.receivedAt().isBefore(start) && r.receivedAt().isBefore(asOf)) {
                add(c, switch (r.channel()) {
                    case "ONLINE" -> ReportCategory.RECEIVED_ONLINE;
                    case "POST" -> ReportCategory.RECEIVED_POST;
                    default -> ReportCategory.RECEIVED_COUNTER;
                });
            } else if (r.receivedAt().isBefore(start) && open(r, start)) {
                add(c, ReportCategory.CARRIED_OVER);
            }
            r.history().stream().filter(e -> e.action().equals("SIGN_RESULT")).findFirst()
                    .filter(e -> !e.at().isBefore(start) && e.at().isBefore(asOf))
                    .ifPresent(e -> add(c, switch (Verdict.judge(e.at(), e.due())) {
                        case EARLY -> ReportCategory.RESOLVED_EARLY;
                        case ON_TIME -> ReportCategory.RESOLVED_ON_TIME;
                        case LATE -> ReportCategory.RESOLVED_LATE;
                    }));
            for (Entry e : r.history()) {
                if (!e.at().isBefore(start) && e.at().isBefore(asOf)) {
                    switch (e.action()) {
                        case "RETURN_RESULT" -> add(c, ReportCategory.RETURNED);
                        case "WITHDRAW" -> add(c, ReportCategory.WITHDRAWN);
                        case "REFUSE" -> add(c, ReportCategory.REFUSED);
                        case "STOP" -> add(c, ReportCategory.STOPPED);
                        default -> {
                        }
                    }
                }
            }
            if (r.receivedAt().isBefore(asOf) && open(r, asOf)) {
                Entry last = r.history().stream().filter(e -> e.at().isBefore(asOf)).reduce((a, b) -> b).orElseThrow();
                if (last.to().equals("AWAITING_SUPPLEMENT")) {
                    add(c, ReportCategory.WAITING_FOR_SUPPLEMENT);
                } else if ((last.paused() ? last.at() : asOf).isAfter(last.due())) {
                    add(c, ReportCategory.IN_PROGRESS_OVERDUE);
                } else {
                    add(c, ReportCategory.IN_PROGRESS_NOT_YET_DUE);
                }
            }
        }
        c.put(ReportCategory.RECEIVED_NEW, c.get(ReportCategory.RECEIVED_ONLINE) + c.get(ReportCategory.RECEIVED_COUNTER)
                + c.get(ReportCategory.RECEIVED_POST));
        c.put(ReportCategory.TO_HANDLE, c.get(ReportCategory.RECEIVED_NEW) + c.get(ReportCategory.CARRIED_OVER));
        c.put(ReportCategory.RESOLVED, c.get(ReportCategory.RESOLVED_EARLY) + c.get(ReportCategory.RESOLVED_ON_TIME)
                + c.get(ReportCategory.RESOLVED_LATE));
        return c;
    }

    private static boolean open(Row r, Instant at) {
        return r.history().stream().filter(e -> e.at().isBefore(at))
                .noneMatch(e -> e.action().equals("SIGN_RESULT") || CLOSED.contains(e.to()));
    }

    private static void add(Map<ReportCategory, Integer> c, ReportCategory k) {
        c.merge(k, 1, Integer::sum);
    }

    private static String range(Period p) {
        return "from=" + p.from() + "&to=" + p.to();
    }

    @Test
    void theDataSetHasEveryKindOfHistory() {
        List<Row> rows = rows(HOA_BINH);
        assertThat(rows.stream().filter(r -> r.history().stream().anyMatch(e -> e.action().equals("REQUEST_SUPPLEMENT"))))
                .hasSizeGreaterThan(5);
        assertThat(rows.stream().filter(r -> r.history().stream().anyMatch(e -> e.action().equals("FORWARD"))))
                .hasSizeGreaterThan(5);
        assertThat(rows.stream().filter(r -> r.history().stream().anyMatch(e -> e.action().equals("WITHDRAW"))))
                .isNotEmpty();
        Map<ReportCategory, Integer> january = recount(rows, Period.month(2025, 1), clock.instant());
        assertThat(january.get(ReportCategory.CARRIED_OVER)).isPositive();
        assertThat(january.get(ReportCategory.RESOLVED_LATE)).isPositive();
        assertThat(january.get(ReportCategory.RESOLVED_EARLY) + january.get(ReportCategory.RESOLVED_ON_TIME)).isPositive();
    }

    @Test
    void figuresEqualTheRecountForPeriodsAcrossMonthsAndYears() throws Exception {
        List<Row> rows = rows(HOA_BINH);
        for (Period p : PERIODS) {
            MvcResult r = desk.get(HOA_BINH, Role.LEADER, "/api/reports/office?" + range(p));
            assertThat(r.getResponse().getStatus()).as(Desk.body(r)).isEqualTo(200);
            Map<ReportCategory, Integer> expected = recount(rows, p, clock.instant());
            for (ReportCategory c : ReportCategory.values()) {
                assertThat(Desk.<Integer>read(r, "$.counts." + c.name())).as(p + " " + c).isEqualTo(expected.get(c));
            }
            int resolved = expected.get(ReportCategory.RESOLVED);
            if (resolved > 0) {
                double rate = 100.0 * (expected.get(ReportCategory.RESOLVED_EARLY)
                        + expected.get(ReportCategory.RESOLVED_ON_TIME)) / resolved;
                assertThat(Desk.<Double>read(r, "$.onTimeRate")).isCloseTo(rate, org.assertj.core.data.Offset.offset(0.006));
            }
        }
        // Carried over into a month = open at its start = still to handle at the end of the month before.
        Map<ReportCategory, Integer> jan = recount(rows, Period.month(2025, 1), clock.instant());
        assertThat(jan.get(ReportCategory.CARRIED_OVER)).isGreaterThan(0);
    }

    @Test
    void everyNumberDrillsDownToExactlyThatManyDossiers() throws Exception {
        Period p = new Period(LocalDate.of(2024, 12, 16), LocalDate.of(2025, 1, 15));
        MvcResult report = desk.get(HOA_BINH, Role.LEADER, "/api/reports/office?" + range(p));
        for (ReportCategory c : ReportCategory.values()) {
            MvcResult drill = desk.get(HOA_BINH, Role.LEADER, "/api/reports/drill?" + range(p) + "&category=" + c.name());
            assertThat(Desk.<List<?>>read(drill, "$")).as(c.name())
                    .hasSize(Desk.<Integer>read(report, "$.counts." + c.name()));
        }
        MvcResult late = desk.get(HOA_BINH, Role.LEADER, "/api/reports/drill?" + range(p) + "&category=RESOLVED_LATE");
        for (Integer id : Desk.<List<Integer>>read(late, "$[*].id")) {
            assertThat(jdbc.sql("select resolved_verdict from dossier where id = ?").param(id).query(String.class).single())
                    .isEqualTo("LATE");
        }
    }

    @Test
    void theStoredVerdictIsTheDomainsVerdict() {
        List<Object[]> signed = jdbc.sql("""
                        select d.resolved_verdict, h.at, h.due_at from dossier d join dossier_history h on h.dossier_id = d.id
                        where h.action = 'SIGN_RESULT' and d.receiving_office = ?""")
                .param(HOA_BINH)
                .query((rs, i) -> new Object[]{rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getObject(3, OffsetDateTime.class).toInstant()})
                .list();
        assertThat(signed).hasSizeGreaterThan(20);
        for (Object[] s : signed) {
            assertThat(s[0]).isEqualTo(Verdict.judge((Instant) s[1], (Instant) s[2]).name());
        }
    }

    @Test
    void theTrendAddsUpToTheMonthsAndTheDistrictSeesItsWards() throws Exception {
        MvcResult trend = desk.get(HOA_BINH, Role.LEADER, "/api/reports/trend?from=2024-11-01&to=2025-02-28");
        assertThat(Desk.<List<?>>read(trend, "$")).hasSize(4);
        MvcResult december = desk.get(HOA_BINH, Role.LEADER, "/api/reports/office?year=2024&month=12");
        assertThat(Desk.<Integer>read(trend, "$[1].counts.RESOLVED")).isEqualTo(Desk.<Integer>read(december, "$.counts.RESOLVED"));
        // The district sees the ward's figures; the other ward does not; a reception officer sees no reports.
        assertThat(desk.get(AYUN_PA, Role.LEADER, "/api/reports/office?office=hoa-binh&year=2024&month=12")
                .getResponse().getStatus()).isEqualTo(200);
        assertThat(desk.get(DOAN_KET, Role.LEADER, "/api/reports/office?office=hoa-binh&year=2024&month=12")
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(desk.get(HOA_BINH, Role.RECEPTION, "/api/reports/office").getResponse().getStatus()).isEqualTo(403);
        MvcResult bad = desk.get(HOA_BINH, Role.LEADER, "/api/reports/office?from=2025-02-01&to=2025-01-01");
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(Desk.<String>read(bad, "$.key")).isEqualTo("report.error.period");
    }

    @Test
    void exportsAndTheTrackingBook() throws Exception {
        MvcResult book = desk.get(HOA_BINH, Role.LEADER, "/api/reports/book?year=2024&month=12");
        List<String> codes = Desk.read(book, "$[*].code");
        MvcResult december = desk.get(HOA_BINH, Role.LEADER, "/api/reports/office?year=2024&month=12");
        assertThat(codes).hasSize(Desk.<Integer>read(december, "$.counts.RECEIVED_NEW"));
        assertThat(Desk.body(book)).doesNotContain("idNumber");

        MvcResult xlsx = desk.get(HOA_BINH, Role.LEADER, "/api/reports/export?what=book&format=xlsx&year=2024&month=12");
        assertThat(xlsx.getResponse().getStatus()).isEqualTo(200);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(
                xlsx.getResponse().getContentAsByteArray()))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(2 + codes.size());
            assertThat(wb.getSheetAt(0).getRow(3).getCell(1).getStringCellValue()).isEqualTo(codes.get(0));
        }
        MvcResult table = desk.get(HOA_BINH, Role.LEADER, "/api/reports/export?what=report&format=xlsx&year=2024&month=12");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(
                table.getResponse().getContentAsByteArray()))) {
            int resolvedColumn = 1 + ReportExport.TABLE.indexOf(ReportCategory.RESOLVED);
            assertThat((int) wb.getSheetAt(0).getRow(3).getCell(resolvedColumn).getNumericCellValue())
                    .isEqualTo(Desk.<Integer>read(december, "$.counts.RESOLVED"));
        }
        MvcResult pdf = desk.get(HOA_BINH, Role.LEADER, "/api/reports/export?what=report&format=pdf&year=2024&month=12");
        assertThat(pdf.getResponse().getStatus()).isEqualTo(200);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("Hòa Bình").contains("01/12/2024");
        }
        assertThat(desk.get(HOA_BINH, Role.LEADER, "/api/reports/export?what=book&format=docx").getResponse().getStatus())
                .isEqualTo(400);
    }

    @Test
    void reportPagesRender() throws Exception {
        MvcResult page = desk.get(HOA_BINH, Role.LEADER, "/reports?year=2024&month=12&lang=vi");
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(Desk.body(page)).contains("Báo cáo thống kê").contains("id=\"trend-chart\"")
                .contains("chart.umd.min.js").contains("/reports/drill?");
        assertThat(desk.get(HOA_BINH, Role.LEADER, "/reports/drill?year=2024&month=12&category=RESOLVED")
                .getResponse().getStatus()).isEqualTo(200);
        assertThat(desk.get(HOA_BINH, Role.LEADER, "/reports/book?year=2024&month=12").getResponse().getStatus())
                .isEqualTo(200);
        assertThat(desk.get(HOA_BINH, Role.LEADER, "/reports/dashboard?list=overdue").getResponse().getStatus())
                .isEqualTo(200);
    }
}
