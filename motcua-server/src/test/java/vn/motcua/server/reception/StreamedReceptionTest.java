package vn.motcua.server.reception;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.multipart.MultipartResolver;
import vn.motcua.server.Desk;
import vn.motcua.server.HttpOfficer;
import vn.motcua.server.HttpOfficer.Multipart;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reception forms sent over real HTTP with the CSRF token in the header are read as they stream in (no container
 * parsing): the stored bytes are exactly the sent ones, any read size gives the same form, and bad or cut-off bodies get
 * a bilingual problem and leave neither a dossier nor a temporary file behind.
 */
@OneTurnDeskTest
class StreamedReceptionTest {

    private static final String OFFICE = "phuong-ayun-pa";
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReceptionForms forms;
    @Autowired
    MultipartResolver multipart;
    @Value("${motcua.store.root}")
    Path storeRoot;

    private HttpOfficer officer() throws Exception {
        return new HttpOfficer("http://127.0.0.1:" + port, OFFICE + ".reception", "test-password");
    }

    private static Multipart form(String boundary) {
        return new Multipart(boundary).field("procedureCode", "2.000884").field("applicantName", "Phạm Thị Luồng")
                .field("applicantIdNumber", "079123456789").field("provided", "document").field("provided", "id-document");
    }

    /** A PDF head followed by random bytes that also hold a near-copy of the boundary, to trouble the search. */
    private static byte[] pdf(int size, long seed, String boundary) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        System.arraycopy(Desk.PDF, 0, bytes, 0, Desk.PDF.length);
        byte[] almost = ("\r\n--" + boundary.substring(0, boundary.length() - 1) + "#").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(almost, 0, bytes, size / 2, almost.length);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private int dossiers() {
        return jdbc.sql("select count(*) from dossier").query(Integer.class).single();
    }

    private long temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.walk(storeRoot)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part")).count();
        }
    }

    @Test
    void filesAreStoredAsTheyStreamInWithExactlyTheBytesSent() throws Exception {
        String boundary = "----streamed-" + System.nanoTime();
        byte[] application = pdf(300_000, 1, boundary);
        byte[] png = new byte[70_000];
        new Random(2).nextBytes(png);
        System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, png, 0, 8);
        Multipart body = form(boundary).file("file.document", "đơn đề nghị.pdf", "application/pdf", application)
                .file("file.id-document", "cccd.png", "image/png", png)
                .file("file.document", "", "application/octet-stream", new byte[0]); // a file input left empty

        HttpResponse<String> r = officer().post("/api/dossiers", body);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        Matcher id = ID.matcher(r.body());
        assertThat(id.find()).isTrue();
        long dossierId = Long.parseLong(id.group(1));
        assertThat(jdbc.sql("select applicant_name from dossier where id = ?").param(dossierId).query(String.class)
                .single()).isEqualTo("Phạm Thị Luồng");
        List<Map<String, Object>> docs = jdbc.sql("select component, file_name, media_type, size_bytes, sha256"
                + " from document where dossier_id = ? order by id").param(dossierId).query().listOfRows();
        assertThat(docs).hasSize(2);
        assertThat(docs.get(0)).containsEntry("component", "document").containsEntry("file_name", "đơn đề nghị.pdf")
                .containsEntry("media_type", "application/pdf").containsEntry("size_bytes", 300_000L)
                .containsEntry("sha256", sha256(application));
        assertThat(docs.get(1)).containsEntry("component", "id-document").containsEntry("media_type", "image/png")
                .containsEntry("sha256", sha256(png));
        String hash = sha256(application);
        assertThat(Files.readAllBytes(storeRoot.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash)))
                .isEqualTo(application);
        assertThat(temporaryFiles()).isZero();
    }

    @Test
    void onlyReceptionFormsWithTheCsrfHeaderAreLeftUnparsedForStreaming() {
        assertThat(multipart.isMultipart(request("POST", "/api/dossiers", true))).isFalse();
        assertThat(multipart.isMultipart(request("POST", "/reception", true))).isFalse();
        // A form posted without script carries its token as a field: the container parses it, the form reads the parts.
        assertThat(multipart.isMultipart(request("POST", "/reception", false))).isTrue();
        assertThat(multipart.isMultipart(request("POST", "/api/dossiers/7/actions/SUPPLEMENT", true))).isTrue();
    }

    private static MockHttpServletRequest request(String method, String path, boolean csrfHeader) {
        MockHttpServletRequest r = new MockHttpServletRequest(method, path);
        r.setContentType("multipart/form-data; boundary=x");
        if (csrfHeader) {
            r.addHeader("X-XSRF-TOKEN", "token");
        }
        return r;
    }

    @Test
    void everyReadSizeGivesTheSameForm() throws Exception {
        String boundary = "----chunks-" + System.nanoTime();
        byte[] file = pdf(150_000, 3, boundary);
        // CR LF and dashes and most of the boundary inside a field: only the whole delimiter ends a part (RFC 2046).
        String note = "Ghi chú: \"--\r\n--" + boundary.substring(0, boundary.length() - 2) + "\"\r\n";
        byte[] body = form(boundary).field("note", note)
                .file("file.document", "a.pdf", "application/pdf", file).bytes();
        for (int readSize : new int[]{1, 3, 17, 4096, 65_536, 1 << 20}) {
            ReceptionForm form = forms.stream(new Choppy(body, readSize), boundary, waited -> { });
            assertThat(form.required("applicantName")).as("read size %d", readSize).isEqualTo("Phạm Thị Luồng");
            assertThat(form.all("provided")).containsExactly("document", "id-document");
            assertThat(form.required("note")).isEqualTo(note);
            assertThat(form.uploads()).extracting(u -> u.content().sha256()).containsExactly(sha256(file));
        }
        assertThat(temporaryFiles()).isZero();
    }

    @Test
    void aFileOfAnotherTypeIsRefusedInBothLanguagesAndNothingIsRecorded() throws Exception {
        int before = dossiers();
        byte[] exe = "MZ\u0090\u0000 this is not a PDF".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> r = officer().post("/api/dossiers", form("----type")
                .file("file.document", "scan.pdf", "application/pdf", exe)
                .file("file.id-document", "b.pdf", "application/pdf", pdf(10_000, 4, "----type")), "Accept-Language", "vi");
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(r.body()).contains("scan.pdf", "không thuộc loại được chấp nhận", "not an accepted type");
        assertThat(dossiers()).isEqualTo(before);
        assertThat(temporaryFiles()).isZero();
    }

    @Test
    void anOversizedFileIsRefusedAndTheAnswerStillArrives() throws Exception {
        int before = dossiers();
        HttpResponse<String> r = officer().post("/api/dossiers", form("----big")
                .file("file.document", "big.pdf", "application/pdf", pdf(1_048_577, 5, "----big")));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("error.upload.tooLarge");
        assertThat(dossiers()).isEqualTo(before);
        assertThat(temporaryFiles()).isZero();
    }

    @Test
    void aBodyCutOffMidwayIsRefusedAndLeavesNoTemporaryFile() throws Exception {
        int before = dossiers();
        Multipart cut = form("----cut").file("file.document", "a.pdf", "application/pdf", pdf(200_000, 6, "----cut"));
        HttpResponse<String> r = officer().post("/api/dossiers", cut.contentType(), cut.unfinished());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("error.upload.malformed", "không đúng định dạng", "not a well-formed");
        assertThat(dossiers()).isEqualTo(before);
        assertThat(temporaryFiles()).isZero();
    }

    @Test
    void moreThanFiftyFilesAreRefused() throws Exception {
        int before = dossiers();
        Multipart body = form("----many");
        for (int i = 0; i < 51; i++) {
            body.file("file.document", "p" + i + ".pdf", "application/pdf", pdf(200, 100 + i, "----many"));
        }
        HttpResponse<String> r = officer().post("/api/dossiers", body);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("error.upload.tooMany");
        assertThat(dossiers()).isEqualTo(before);
    }

    @Test
    void aMissingRequiredFieldIsABadRequest() throws Exception {
        HttpResponse<String> r = officer().post("/api/dossiers", new Multipart("----missing")
                .field("procedureCode", "2.000884").field("applicantIdNumber", "079123456789"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("error.request.invalid");
    }

    @Test
    void theReceptionPageStreamsTooAndShowsARefusalInTheForm() throws Exception {
        HttpOfficer officer = officer();
        HttpResponse<String> ok = officer.post("/reception", form("----page")
                .file("file.document", "a.pdf", "application/pdf", pdf(50_000, 7, "----page")));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(ok.headers().firstValue("Location").orElseThrow()).matches(".*/dossiers/\\d+");

        int before = dossiers();
        HttpResponse<String> refused = officer.post("/reception", form("----page2")
                .file("file.document", "virus.pdf", "application/pdf", "MZ not a pdf".getBytes(StandardCharsets.US_ASCII)),
                "X-Requested-With", "XMLHttpRequest");
        assertThat(refused.statusCode()).isEqualTo(415);
        assertThat(refused.body()).contains("virus.pdf", "không thuộc loại được chấp nhận");
        assertThat(dossiers()).isEqualTo(before);
    }

    /** Gives the body at most {@code readSize} bytes per read, as a slow network would. */
    private static final class Choppy extends InputStream {
        private final ByteArrayInputStream in;
        private final int readSize;

        Choppy(byte[] bytes, int readSize) {
            this.in = new ByteArrayInputStream(bytes);
            this.readSize = readSize;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, Math.min(len, readSize));
        }
    }
}
