package vn.motcua.server.reception;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.server.Desk;
import vn.motcua.server.HttpOfficer;
import vn.motcua.server.HttpOfficer.Multipart;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Turns at the reception desk, over real HTTP, in the one-turn desk of {@link OneTurnDeskTest}: a reception waits while
 * another is read, waiting ones are served in the order they came, and one that waits too long is told, in Vietnamese
 * and English, to send again, with nothing recorded. Handing a turn on during a slow upload is {@link ReceptionTurnsTest}'s.
 */
@OneTurnDeskTest
class ReceptionAdmissionTest {

    private static final Pattern CODE = Pattern.compile("\"code\":\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReceptionAdmission admission;

    private HttpOfficer officer() throws Exception {
        return new HttpOfficer("http://127.0.0.1:" + port, "phuong-ayun-pa.reception", "test-password");
    }

    private static Multipart form(String boundary, String applicant) {
        byte[] pdf = new byte[40_000];
        System.arraycopy(Desk.PDF, 0, pdf, 0, Desk.PDF.length);
        return new Multipart(boundary).field("procedureCode", "2.000884").field("applicantName", applicant)
                .field("applicantIdNumber", "079123456789").field("provided", "id-document")
                .file("file.document", "don.pdf", "application/pdf", pdf);
    }

    private int dossiers() {
        return jdbc.sql("select count(*) from dossier").query(Integer.class).single();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /**
     * A reception whose client sends its headers and the start of its body, then stops: it holds the desk's turn
     * until {@link #finish} sends the rest.
     */
    private static final class SlowReception implements AutoCloseable {
        private final Socket socket;
        private final byte[] body;
        private final int sent;

        SlowReception(int port, HttpOfficer officer, Multipart form) throws Exception {
            this.socket = new Socket("127.0.0.1", port);
            this.body = form.bytes();
            this.sent = body.length / 3;
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/dossiers HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nCookie: " + officer.cookieHeader()
                    + "\r\nX-XSRF-TOKEN: " + officer.csrfToken() + "\r\nAccept: application/json\r\nContent-Type: "
                    + form.contentType() + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, 0, sent);
            out.flush();
        }

        /** Sends the rest of the body; returns the whole answer. */
        String finish() throws Exception {
            OutputStream out = socket.getOutputStream();
            out.write(body, sent, body.length - sent);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }

    @Test
    void aReceptionThatWaitsTooLongIsToldToSendAgainAndNothingIsRecorded() throws Exception {
        HttpOfficer officer = officer();
        try (SlowReception holder = new SlowReception(port, officer, form("----holder", "Người Đến Trước"))) {
            await(() -> admission.free() == 0, "the slow reception never got its turn");
            int before = dossiers();
            long t0 = System.nanoTime();

            HttpResponse<String> busy = officer.post("/api/dossiers", form("----late", "Người Đến Sau"));

            assertThat(busy.statusCode()).as(busy.body()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(busy.body()).contains("urn:motcua:error.reception.busy", "đang bận", "is busy");
            assertThat(System.nanoTime() - t0).as("it waited for its turn first")
                    .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(1_900));
            assertThat(dossiers()).isEqualTo(before);

            assertThat(holder.finish()).startsWith("HTTP/1.1 201").contains("Người Đến Trước");
        }
        await(() -> admission.free() == 1, "the turn was not given back");
        HttpResponse<String> next = officer.post("/api/dossiers", form("----next", "Người Kế Tiếp"));
        assertThat(next.statusCode()).as(next.body()).isEqualTo(201);
    }

    @Test
    void waitingReceptionsAreServedInTheOrderTheyCame() throws Exception {
        HttpOfficer officer = officer();
        try (SlowReception holder = new SlowReception(port, officer, form("----first", "Người Thứ Nhất"))) {
            await(() -> admission.free() == 0, "the slow reception never got its turn");
            CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(() -> post(officer, "Người Thứ Hai"));
            await(() -> admission.waiting() == 1, "the second reception is not waiting");
            CompletableFuture<HttpResponse<String>> third = CompletableFuture.supplyAsync(() -> post(officer, "Người Thứ Ba"));
            await(() -> admission.waiting() == 2, "the third reception is not waiting");

            String first = holder.finish();

            // The day's numbers follow the commits: each reception was recorded only after the one before it ended.
            assertThat(code(first)).isLessThan(code(second.get(20, TimeUnit.SECONDS).body()));
            assertThat(code(second.get().body())).isLessThan(code(third.get(20, TimeUnit.SECONDS).body()));
            assertThat(third.get().statusCode()).isEqualTo(201);
        }
    }

    @Test
    void aFormRefusedBeforeItIsReadGivesItsTurnBackAndThePageShowsTheError() throws Exception {
        HttpOfficer officer = officer();
        // A body cut off mid-way: refused after its turn began.
        HttpResponse<String> cut = officer.post("/reception", form("----cut", "Người Gửi Dở").contentType(),
                form("----cut", "Người Gửi Dở").unfinished(), "X-Requested-With", "XMLHttpRequest");
        assertThat(cut.statusCode()).isEqualTo(400);
        assertThat(cut.body()).contains("id=\"error\"", "không đúng định dạng");
        assertThat(admission.free()).isEqualTo(1);

        try (SlowReception holder = new SlowReception(port, officer, form("----page-holder", "Người Giữ Lượt"))) {
            await(() -> admission.free() == 0, "the slow reception never got its turn");
            HttpResponse<String> busy = officer.post("/reception", form("----page-late", "Người Chờ"),
                    "X-Requested-With", "XMLHttpRequest");
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.body()).contains("id=\"error\"", "Hệ thống tiếp nhận đang bận");
            assertThat(holder.finish()).startsWith("HTTP/1.1 201");
        }
        await(() -> admission.free() == 1, "the turn was not given back");
    }

    private static HttpResponse<String> post(HttpOfficer officer, String applicant) {
        try {
            return officer.post("/api/dossiers", form("----" + applicant.hashCode(), applicant));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String code(String answer) {
        Matcher m = CODE.matcher(answer);
        assertThat(m.find()).as(answer).isTrue();
        return m.group(1);
    }
}
