package vn.motcua.server.satisfaction;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.domain.dossier.Action;
import vn.motcua.domain.dossier.Channel;
import vn.motcua.domain.dossier.Dossier;
import vn.motcua.domain.office.Role;
import vn.motcua.domain.report.Period;
import vn.motcua.server.Desk;
import vn.motcua.server.ServerTest;
import vn.motcua.server.TestClock;
import vn.motcua.server.dossier.Applicant;
import vn.motcua.server.report.GeneratedHistory;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.motcua.server.report.GeneratedHistory.DOAN_KET;
import static vn.motcua.server.report.GeneratedHistory.HOA_BINH;

/**
 * Satisfaction ratings: returned dossiers of phường Đoàn Kết received in 2022 (no other test class uses that office and
 * year), rated on the public page and at the counter at seeded random times (the test clock pinned per request); the
 * report's figures for several periods equal a recount of the generated ratings, in the API, the table, the XLSX and
 * PDF exports, the page and the drill-down. Then every guard of the public vote, each with its Vietnamese and English
 * message: not returned, second vote (first kept), wrong or malformed check digits, too many tries, no CSRF token.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SatisfactionTest {

    static final List<Period> PERIODS = List.of(Period.month(2022, 3), Period.month(2022, 6), Period.month(2022, 12),
            new Period(LocalDate.of(2022, 11, 16), LocalDate.of(2023, 1, 15)),
            new Period(LocalDate.of(2022, 1, 1), LocalDate.of(2023, 12, 31)));

    @Autowired
    Desk desk;
    @Autowired
    GeneratedHistory history;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    /** What the generator rated: the independent side of the recount. */
    record Given(String code, Rating rating, Instant at) {
    }

    final List<Given> given = new ArrayList<>();
    int serial;

    record Made(long id, String code) {
    }

    /** A dossier of Đoàn Kết received at {@code t} with phone 09xx…{@code phone4}: returned, or else withdrawn. */
    Made dossier(Instant t, String phone4, boolean returned) {
        // A dossier that is not returned is withdrawn, so it closes and never shows as overdue to other tests.
        List<UnaryOperator<Dossier>> steps = new ArrayList<>();
        if (!returned) {
            steps.add(history.act(new Action.Withdraw("rút"), Role.RECEPTION, DOAN_KET, t.plusSeconds(600)));
        } else {
            steps.add(history.act(new Action.TransferToProcessing(""), Role.RECEPTION, DOAN_KET, t.plusSeconds(600)));
            steps.add(history.act(new Action.SubmitForApproval(""), Role.SPECIALIST, DOAN_KET, t.plusSeconds(1200)));
            steps.add(history.act(new Action.Approve(""), Role.LEADER, DOAN_KET, t.plusSeconds(1800)));
            steps.add(history.act(new Action.SignResult(""), Role.LEADER, DOAN_KET, t.plusSeconds(2400)));
            steps.add(history.act(new Action.ReturnResult(Channel.COUNTER, ""), Role.RECEPTION, DOAN_KET,
                    t.plusSeconds(3000)));
        }
        int n = serial++;
        long id = history.store("1.001193", DOAN_KET, Channel.COUNTER, t,
                new Applicant("Vũ Hữu Khiêm " + n, String.format("07920200%04d", n), "090512" + phone4, null, null),
                steps);
        return new Made(id, jdbc.sql("select code from dossier where id = ?").param(id).query(String.class).single());
    }

    MvcResult rateOnline(String code, String check, String rating, String comment) throws Exception {
        String json = "{\"rating\":\"" + rating + "\",\"check\":\"" + check + "\""
                + (comment == null ? "" : ",\"comment\":\"" + comment + "\"") + "}";
        return desk.mvc().perform(post("/api/public/lookup/{code}/rating", code).contentType(MediaType.APPLICATION_JSON)
                .content(json).header("Accept-Language", "en").with(csrf())).andReturn();
    }

    MvcResult rateAtCounter(String office, Role role, long id, String rating) throws Exception {
        return desk.mvc().perform(post("/api/dossiers/{id}/rating", id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"rating\":\"" + rating + "\"}").with(desk.as(office, role)).with(csrf())).andReturn();
    }

    @BeforeAll
    void generate() throws Exception {
        Random rnd = new Random(20220101L);
        for (int i = 0; i < 90; i++) {
            LocalDate day = LocalDate.of(2022, 1, 3).plusDays(rnd.nextInt(360));
            while (day.getDayOfWeek().getValue() > 5) {
                day = day.plusDays(1);
            }
            Instant received = GeneratedHistory.at(day + "T09:00");
            String phone4 = String.format("%04d", rnd.nextInt(10000));
            Made d = dossier(received, phone4, true);
            if (rnd.nextInt(6) == 0) {
                continue;   // never rated
            }
            Rating rating = Rating.values()[rnd.nextInt(3)];
            String comment = "ý kiến " + i;
            Instant at = received.plus(Duration.ofHours(2 + rnd.nextInt(24 * 70)));
            MvcResult r = rnd.nextBoolean()
                    ? clock.at(at, () -> rateOnline(d.code(), phone4, rating.name(), comment))
                    : clock.at(at, () -> rateAtCounter(DOAN_KET, Role.RECEPTION, d.id(), rating.name()));
            assertThat(r.getResponse().getStatus()).as(Desk.body(r)).isEqualTo(201);
            given.add(new Given(d.code(), rating, at));
        }
    }

    record Expected(int ratings, int satisfied, BigDecimal rate) {
    }

    Expected recount(Period p) {
        List<Given> in = given.stream().filter(g -> !g.at().isBefore(p.start()) && g.at().isBefore(p.end())).toList();
        int satisfied = (int) in.stream().filter(g -> g.rating() == Rating.SATISFIED).count();
        return new Expected(in.size(), satisfied, in.isEmpty() ? null : BigDecimal.valueOf(100L * satisfied)
                .divide(BigDecimal.valueOf(in.size()), 2, RoundingMode.HALF_UP));
    }

    static String range(Period p) {
        return "from=" + p.from() + "&to=" + p.to();
    }

    @Test
    void figuresEqualTheRecountOfTheGeneratedRatings() throws Exception {
        assertThat(given).hasSizeGreaterThan(50);
        assertThat(given.stream().map(Given::rating).distinct()).hasSize(3);
        for (Period p : PERIODS) {
            Expected e = recount(p);
            MvcResult office = desk.get(DOAN_KET, Role.LEADER, "/api/reports/office?" + range(p));
            assertThat(Desk.<Integer>read(office, "$.satisfaction.ratings")).as(p.toString()).isEqualTo(e.ratings());
            assertThat(Desk.<Integer>read(office, "$.satisfaction.satisfied")).as(p.toString()).isEqualTo(e.satisfied());
            Object rate = Desk.read(office, "$.satisfaction.rate");
            if (e.rate() == null) {
                assertThat(rate).isNull();
            } else {
                assertThat(new BigDecimal(rate.toString())).isEqualByComparingTo(e.rate());
            }
            // The district's table has a row for the ward with the same figures.
            MvcResult table = desk.get(GeneratedHistory.AYUN_PA, Role.LEADER, "/api/reports/table?" + range(p));
            assertThat(Desk.<List<Integer>>read(table, "$[?(@.officeId=='doan-ket')].satisfaction.ratings"))
                    .containsExactly(e.ratings());
            // Drill-down: exactly the rated dossiers, and the satisfied ones.
            List<String> codes = Desk.read(desk.get(DOAN_KET, Role.LEADER, "/api/reports/satisfaction?" + range(p)),
                    "$[*].dossier.code");
            assertThat(codes).containsExactlyInAnyOrderElementsOf(given.stream()
                    .filter(g -> !g.at().isBefore(p.start()) && g.at().isBefore(p.end())).map(Given::code).toList());
            assertThat(Desk.<List<?>>read(desk.get(DOAN_KET, Role.LEADER, "/api/reports/satisfaction?rating=SATISFIED&"
                    + range(p)), "$")).hasSize(e.satisfied());
        }
        // The month of the trend equals the month asked alone.
        MvcResult trend = desk.get(DOAN_KET, Role.LEADER, "/api/reports/trend?from=2022-01-01&to=2022-12-31");
        assertThat(Desk.<Integer>read(trend, "$[11].satisfaction.ratings")).isEqualTo(recount(Period.month(2022, 12)).ratings());
    }

    @Test
    void exportsAndPagesShowTheSameFigures() throws Exception {
        Period p = PERIODS.get(4);
        Expected e = recount(p);
        MvcResult xlsx = desk.get(DOAN_KET, Role.LEADER, "/api/reports/export?what=report&format=xlsx&" + range(p));
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(
                xlsx.getResponse().getContentAsByteArray()))) {
            var header = wb.getSheetAt(0).getRow(2);
            var row = wb.getSheetAt(0).getRow(3);
            int last = header.getLastCellNum() - 1;
            assertThat(header.getCell(last - 2).getStringCellValue()).isEqualTo("Hài lòng");
            assertThat(header.getCell(last).getStringCellValue()).isEqualTo("Tỷ lệ hài lòng");
            assertThat((int) row.getCell(last - 2).getNumericCellValue()).isEqualTo(e.satisfied());
            assertThat((int) row.getCell(last - 1).getNumericCellValue()).isEqualTo(e.ratings());
            assertThat(row.getCell(last).getNumericCellValue()).isEqualTo(e.rate().doubleValue());
        }
        MvcResult pdf = desk.get(DOAN_KET, Role.LEADER, "/api/reports/export?what=report&format=pdf&" + range(p));
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            java.nio.file.Path shots = java.nio.file.Path.of(System.getProperty("motcua.screenshots", "target/screenshots"));
            java.nio.file.Files.createDirectories(shots);
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 110), "png",
                    shots.resolve("report-table.png").toFile());
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ")).contains(e.rate().toPlainString() + " %")
                    .contains("Tỷ lệ hài");
        }
        String page = Desk.body(desk.get(DOAN_KET, Role.LEADER, "/reports?lang=vi&" + range(p)));
        assertThat(page).contains("Mức độ hài lòng").contains(e.rate().toPlainString() + " %")
                .contains("/reports/satisfaction?office=doan-ket");
        MvcResult drill = desk.get(DOAN_KET, Role.LEADER, "/reports/satisfaction?lang=vi&rating=SATISFIED&" + range(p));
        assertThat(drill.getResponse().getStatus()).isEqualTo(200);
        assertThat(Desk.body(drill)).contains("Đánh giá \"Hài lòng\"".replace("\"", "&quot;"))
                .contains(e.satisfied() + " hồ sơ");
        // Only leaders, archivists and administrators, within their scope.
        assertThat(desk.get(HOA_BINH, Role.LEADER, "/api/reports/satisfaction?office=doan-ket&" + range(p))
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(desk.get(DOAN_KET, Role.RECEPTION, "/api/reports/satisfaction?" + range(p))
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(desk.get(DOAN_KET, Role.LEADER, "/api/reports/satisfaction?rating=HAPPY&" + range(p))
                .getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void theDashboardShowsThisMonthsRate() throws Exception {
        Made d = dossier(GeneratedHistory.at("2022-12-27T08:00"), "4321", true);
        assertThat(rateOnline(d.code(), "4321", "DISSATISFIED", null).getResponse().getStatus()).isEqualTo(201);
        MvcResult dash = desk.get(DOAN_KET, Role.LEADER, "/api/reports/dashboard");
        LocalDate today = clock.instant().atZone(WorkingCalendar.ZONE).toLocalDate();
        MvcResult month = desk.get(DOAN_KET, Role.LEADER, "/api/reports/office?year=" + today.getYear() + "&month="
                + today.getMonthValue());
        assertThat(Desk.<Integer>read(dash, "$.satisfactionThisMonth.ratings")).isPositive()
                .isEqualTo(Desk.<Integer>read(month, "$.satisfaction.ratings"));
        assertThat(Desk.<Integer>read(dash, "$.satisfactionThisMonth.dissatisfied")).isPositive();
        assertThat(Desk.body(desk.get(DOAN_KET, Role.LEADER, "/reports/dashboard"))).contains("id=\"dash-satisfaction\"");
    }

    @Test
    void publicVoteGuardsEachSayWhyInVietnameseAndEnglish() throws Exception {
        Made open = dossier(GeneratedHistory.at("2022-12-28T08:00"), "1111", false);
        problem(rateOnline(open.code(), "1111", "SATISFIED", null), 409, "error.satisfaction.notReturned",
                "Hồ sơ chưa được trả kết quả", "has not been returned");

        Made d = dossier(GeneratedHistory.at("2022-12-28T09:00"), "2468", true);
        problem(rateOnline(d.code(), "1357", "SATISFIED", null), 403, "error.satisfaction.check",
                "không khớp", "do not match");
        problem(rateOnline(d.code(), "24a8", "SATISFIED", null), 400, "error.satisfaction.checkFormat",
                "4 chữ số cuối", "last 4 digits");
        problem(rateOnline(d.code(), "2468", "HAPPY", null), 400, "error.satisfaction.rating",
                "Hài lòng, Bình thường", "satisfied, neutral");
        problem(rateOnline(d.code(), "2468", "SATISFIED", "x".repeat(501)), 400, "error.satisfaction.comment",
                "500 ký tự", "500 characters");
        // The last 4 digits of the ID number work as well as the phone's.
        String id = jdbc.sql("select applicant_id_number from dossier where id = ?").param(d.id()).query(String.class)
                .optional().orElse(null);
        MvcResult first = rateOnline(d.code(), id == null ? "2468" : id.substring(id.length() - 4), "NEUTRAL", null);
        assertThat(first.getResponse().getStatus()).as(Desk.body(first)).isEqualTo(201);
        assertThat(Desk.body(first)).doesNotContain("0905122468").doesNotContain(String.valueOf(id));
        problem(rateOnline(d.code(), "2468", "SATISFIED", null), 409, "error.satisfaction.alreadyRated",
                "đã được đánh giá", "already been rated");
        problem(rateAtCounter(DOAN_KET, Role.RECEPTION, d.id(), "SATISFIED"), 409, "error.satisfaction.alreadyRated",
                "đánh giá đầu tiên được giữ nguyên", "first rating is kept");
        assertThat(jdbc.sql("select rating from satisfaction_rating where dossier_id = ?").param(d.id())
                .query(String.class).single()).isEqualTo("NEUTRAL");

        // Five wrong tries lock the dossier's public vote for the day, even for the right digits.
        Made guessed = dossier(GeneratedHistory.at("2022-12-28T10:00"), "8642", true);
        for (int i = 0; i < Satisfaction.MAX_FAILURES_PER_DAY; i++) {
            assertThat(rateOnline(guessed.code(), String.format("%04d", i), "SATISFIED", null).getResponse().getStatus())
                    .isEqualTo(403);
        }
        problem(rateOnline(guessed.code(), "8642", "SATISFIED", null), 429, "error.satisfaction.tooManyAttempts",
                "sai quá nhiều lần", "Too many wrong tries");
        // ... the next day it opens again.
        Instant tomorrow = clock.instant().plus(Duration.ofDays(1));
        assertThat(clock.at(tomorrow, () -> rateOnline(guessed.code(), "8642", "SATISFIED", null)).getResponse()
                .getStatus()).isEqualTo(201);
        assertThat(rateOnline("000.00.00.H99-220101-9999", "1234", "SATISFIED", null).getResponse().getStatus())
                .isEqualTo(404);
        assertThat(rateOnline("not a code", "1234", "SATISFIED", null).getResponse().getStatus()).isBetween(400, 422);
    }

    @Test
    void racingVotesKeepExactlyOneRating() throws Exception {
        Made d = dossier(GeneratedHistory.at("2022-12-28T11:00"), "1357", true);
        int threads = 8;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<Integer>> votes = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Rating rating = Rating.values()[i % 3];
                votes.add(pool.submit(() -> {
                    start.await();
                    return rateOnline(d.code(), "1357", rating.name(), null).getResponse().getStatus();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (var v : votes) {
                statuses.add(v.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(x -> x == 201)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from satisfaction_rating where dossier_id = ?").param(d.id())
                .query(Integer.class).single()).isEqualTo(1);
        // Audited once, with the answer and no personal data.
        List<String> audit = jdbc.sql("select actor || ' ' || action || ' ' || detail from audit_log where target = ?")
                .param(d.code()).query(String.class).list();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0)).startsWith("public satisfaction.online ").doesNotContain("1357");
    }

    void problem(MvcResult r, int status, String key, String vi, String en) throws Exception {
        assertThat(r.getResponse().getStatus()).as(Desk.body(r)).isEqualTo(status);
        assertThat(Desk.<String>read(r, "$.key")).isEqualTo(key);
        assertThat(Desk.<String>read(r, "$.vi")).contains(vi);
        assertThat(Desk.<String>read(r, "$.en")).contains(en);
    }

    @Test
    void theLookupPageOffersTheRatingOnceAndNeverShowsTheComment() throws Exception {
        Made d = dossier(GeneratedHistory.at("2022-12-29T08:00"), "5555", true);
        String page = Desk.body(desk.anonymous("/lookup?lang=vi&code=" + d.code()));
        assertThat(page).contains("id=\"rating-form\"").contains("name=\"_csrf\"").contains("Hài lòng")
                .contains("Bình thường").contains("Không hài lòng").doesNotContain("0905125555");
        // Wrong digits: the page says why, in the chosen language, and does not send the digits back.
        MvcResult wrong = desk.mvc().perform(post("/lookup/rating").param("lang", "en").param("code", d.code())
                .param("check", "9876").param("rating", "SATISFIED").with(csrf())).andReturn();
        assertThat(wrong.getResponse().getStatus()).isEqualTo(403);
        assertThat(Desk.body(wrong)).contains("These digits do not match").contains("id=\"rating-form\"")
                .doesNotContain("value=\"9876\"");
        MvcResult ok = desk.mvc().perform(post("/lookup/rating").param("lang", "vi").param("code", d.code())
                .param("check", "5555").param("rating", "SATISFIED")
                .param("comment", "<script>alert('x')</script> Cán bộ nhiệt tình").with(csrf())).andReturn();
        assertThat(ok.getResponse().getStatus()).isEqualTo(302);
        assertThat(ok.getFlashMap().get("rated")).isEqualTo(true);
        String after = Desk.body(desk.anonymous("/lookup?lang=vi&code=" + d.code()));
        assertThat(after).contains("Hồ sơ này đã được đánh giá").doesNotContain("id=\"rating-form\"")
                .doesNotContain("nhiệt tình").doesNotContain("<script>alert");
        // A second vote through the page: the message, and the first rating kept.
        MvcResult again = desk.mvc().perform(post("/lookup/rating").param("lang", "vi").param("code", d.code())
                .param("check", "5555").param("rating", "DISSATISFIED").with(csrf())).andReturn();
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(Desk.body(again)).contains("Hồ sơ này đã được đánh giá; đánh giá đầu tiên được giữ nguyên.");
        // The leader's drill-down (this month, when it was rated) shows the comment, escaped.
        String drill = Desk.body(desk.get(DOAN_KET, Role.LEADER, "/reports/satisfaction"));
        assertThat(drill).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Cán bộ nhiệt tình")
                .doesNotContain("<script>alert");
        // A dossier not yet returned offers no form.
        Made open = dossier(GeneratedHistory.at("2022-12-29T09:00"), "6666", false);
        assertThat(Desk.body(desk.anonymous("/lookup?code=" + open.code()))).doesNotContain("id=\"rating-form\"");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedWithAMessage() throws Exception {
        Made d = dossier(GeneratedHistory.at("2022-12-30T08:00"), "7777", true);
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String form = "code=" + d.code() + "&check=7777&rating=SATISFIED";
        for (Map.Entry<String, String> lang : Map.of("vi", "Yêu cầu bị từ chối", "en", "The request was refused")
                .entrySet()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                    + "/lookup/rating"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "text/html")
                            .header("Cookie", "motcua-lang=" + lang.getKey())
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).contains(lang.getValue());
        }
        assertThat(jdbc.sql("select count(*) from satisfaction_rating where dossier_id = ?").param(d.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void receptionOfTheReceivingOfficeRecordsTheCounterRating() throws Exception {
        Made d = dossier(GeneratedHistory.at("2022-12-30T09:00"), "8888", true);
        String page = Desk.body(desk.get(DOAN_KET, Role.RECEPTION, "/dossiers/" + d.id() + "?lang=vi"));
        assertThat(page).contains("id=\"rating-form\"").contains("Ghi nhận đánh giá");
        // Not for a leader, nor for another office's reception.
        problem(rateAtCounter(DOAN_KET, Role.LEADER, d.id(), "SATISFIED"), 403, "error.forbidden", "", "");
        assertThat(rateAtCounter(HOA_BINH, Role.RECEPTION, d.id(), "SATISFIED").getResponse().getStatus()).isEqualTo(404);
        assertThat(Desk.body(desk.get(DOAN_KET, Role.LEADER, "/dossiers/" + d.id()))).doesNotContain("id=\"rating-form\"");
        MvcResult ok = desk.mvc().perform(post("/dossiers/{id}/rating", d.id()).param("rating", "NEUTRAL")
                .param("comment", "chờ hơi lâu").with(desk.as(DOAN_KET, Role.RECEPTION)).with(csrf())).andReturn();
        assertThat(ok.getResponse().getStatus()).isEqualTo(302);
        assertThat(ok.getFlashMap().get("ratingDone")).isEqualTo(true);
        String after = Desk.body(desk.get(DOAN_KET, Role.RECEPTION, "/dossiers/" + d.id() + "?lang=vi"));
        assertThat(after).contains("id=\"rating-given\"").contains("Bình thường").contains("tại quầy")
                .contains("chờ hơi lâu").doesNotContain("id=\"rating-form\"");
        GivenRating stored = jdbc.sql("select * from satisfaction_rating where dossier_id = ?").param(d.id())
                .query((rs, i) -> new GivenRating(rs.getLong("dossier_id"), rs.getString("office"),
                        Rating.valueOf(rs.getString("rating")), rs.getString("comment"), rs.getString("channel"),
                        rs.getTimestamp("rated_at").toInstant(), rs.getString("recorded_by"))).single();
        assertThat(stored.channel()).isEqualTo("COUNTER");
        assertThat(stored.recordedBy()).isEqualTo("doan-ket.reception");
        assertThat(stored.officeId()).isEqualTo(DOAN_KET);
        // A second one from the counter page: refused, the first kept.
        MvcResult again = desk.mvc().perform(post("/dossiers/{id}/rating", d.id()).param("rating", "SATISFIED")
                .with(desk.as(DOAN_KET, Role.RECEPTION)).with(csrf())).andReturn();
        assertThat(String.valueOf(again.getFlashMap().get("ratingError"))).contains("đã được đánh giá");
        assertThat(jdbc.sql("select rating from satisfaction_rating where dossier_id = ?").param(d.id())
                .query(String.class).single()).isEqualTo("NEUTRAL");
        // Not before the result is returned.
        Made open = dossier(GeneratedHistory.at("2022-12-30T10:00"), "9999", false);
        problem(rateAtCounter(DOAN_KET, Role.RECEPTION, open.id(), "SATISFIED"), 409, "error.satisfaction.notReturned",
                "chưa được trả", "not been returned");
    }
}
