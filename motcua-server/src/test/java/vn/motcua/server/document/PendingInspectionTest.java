package vn.motcua.server.document;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MvcResult;
import vn.motcua.server.Desk;
import vn.motcua.server.TestClockConfiguration;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static vn.motcua.domain.office.Role.ARCHIVIST;
import static vn.motcua.domain.office.Role.RECEPTION;

/**
 * The default, asynchronous inspection of reception uploads (the other server tests inspect on the request path): the
 * reception answers while the inspection is held back, its documents show PENDING, and once the queue runs the verdict,
 * the header fields and the full text are stored and searchable. Documents left PENDING (a server stopped before their
 * turn, an inspection that failed) are inspected when the queue is filled again at start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "motcua.database.data-dir=target/test-postgres-inspection",
        "motcua.store.root=target/test-content-inspection",
        "motcua.inspection.async=true"})
@AutoConfigureMockMvc
@Import({TestClockConfiguration.class, PendingInspectionTest.HeldInspector.class})
@ActiveProfiles({"test", "demo"})
class PendingInspectionTest {

    static final String WARD = "phuong-ayun-pa";
    static final File FONT = new File("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf");

    /** The real inspector behind a gate the test opens, and a switch that makes it fail. */
    @TestConfiguration
    static class HeldInspector {
        static volatile CountDownLatch gate = new CountDownLatch(0);
        static final AtomicInteger failures = new AtomicInteger();

        @Bean
        @Primary
        DocumentInspector heldInspector() {
            DocumentInspector real = new LibraryDocumentInspector(List::of, "", false, Duration.ofSeconds(20), 2_000_000);
            return (name, type, content) -> {
                try {
                    if (!gate.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never opened the gate");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throw new IllegalStateException("inspection failure for the test");
                }
                return real.inspect(name, type, content);
            };
        }
    }

    @Autowired
    Desk desk;
    @Autowired
    PendingInspections inspections;
    @Autowired
    JdbcClient jdbc;

    private static byte[] decision() throws Exception {
        Assumptions.assumeTrue(FONT.isFile(), "SKIPPED: " + FONT + " missing (install fonts-liberation2)");
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            PDType0Font font = PDType0Font.load(pdf, FONT);
            try (PDPageContentStream c = new PDPageContentStream(pdf, page)) {
                c.beginText();
                c.setFont(font, 11);
                c.setLeading(16);
                c.newLineAtOffset(50, 740);
                for (String line : List.of("ỦY BAN NHÂN DÂN", "PHƯỜNG AYUN PA", "Số: 57/QĐ-UBND",
                        "Ayun Pa, ngày 03 tháng 11 năm 2026", "QUYẾT ĐỊNH",
                        "Về việc xác nhận hồ sơ đăng ký khai sinh cho cháu Rơ Lan Hờ Nhi")) {
                    c.showText(line);
                    c.newLine();
                }
                c.endText();
            }
            pdf.save(out);
            return out.toByteArray();
        }
    }

    private long receive(byte[] pdf) throws Exception {
        MvcResult r = desk.mvc().perform(multipart("/api/dossiers")
                .file(new MockMultipartFile("file.declaration", "quyet-dinh.pdf", "application/pdf", pdf))
                .file(new MockMultipartFile("file.birth-certificate", "giay-chung-sinh.pdf", "application/pdf",
                        SigningFixtures.blankPdf()))
                .param("procedureCode", "1.001193").param("applicantName", "Rơ Lan Hờ Nhi")
                .param("applicantIdNumber", "064300000777").param("channel", "COUNTER").param("outcome", "ACCEPT")
                .with(desk.as(WARD, RECEPTION)).with(csrf())).andReturn();
        assertThat(r.getResponse().getStatus()).as(Desk.body(r)).isEqualTo(201);
        assertThat(Desk.<List<String>>read(r, "$.documents[*].signatureBadge")).containsOnly("PENDING");
        return ((Number) Desk.read(r, "$.id")).longValue();
    }

    private List<String> badges(long dossier) {
        return jdbc.sql("select signature_badge from document where dossier_id = ? order by id").param(dossier)
                .query(String.class).list();
    }

    @Test
    void theReceptionAnswersBeforeTheInspectionAndTheResultsArriveAfterIt() throws Exception {
        HeldInspector.gate = new CountDownLatch(1);
        long id = receive(decision());
        assertThat(badges(id)).containsExactly("PENDING", "PENDING");
        // The dossier page says the files are being checked.
        String page = Desk.body(desk.get(WARD, RECEPTION, "/dossiers/{id}?lang=en", id));
        assertThat(page).contains("checking…");

        HeldInspector.gate.countDown();
        assertThat(inspections.awaitIdle(Duration.ofSeconds(60))).isTrue();

        assertThat(badges(id)).containsExactly("GREY", "GREY");
        MvcResult after = desk.get(WARD, RECEPTION, "/api/dossiers/{id}", id);
        assertThat(Desk.<String>read(after, "$.documents[0].metadata.number")).isEqualTo("57");
        assertThat(jdbc.sql("select doc_number || '/' || doc_symbol from document where dossier_id = ? order by id limit 1")
                .param(id).query(String.class).single()).isEqualTo("57/QĐ-UBND");
        assertThat(jdbc.sql("select signature_verdict from document where dossier_id = ? order by id").param(id)
                .query(String.class).list()).containsExactly("GREY", "GREY");
        // Searchable by its text and its number, like a document inspected at once.
        MvcResult found = desk.get(WARD, ARCHIVIST, "/api/archive/search?text=\"xac nhan ho so dang ky khai sinh\"");
        assertThat(Desk.<List<Integer>>read(found, "$.hits[*].id")).contains((int) id);
        assertThat(Desk.<List<Integer>>read(desk.get(WARD, ARCHIVIST, "/api/archive/search?docNumber=57/QĐ-UBND"),
                "$.hits[*].id")).contains((int) id);
    }

    @Test
    void documentsLeftPendingAreInspectedWhenTheQueueIsFilledAgainAtStart() throws Exception {
        HeldInspector.gate = new CountDownLatch(0);
        HeldInspector.failures.set(2);
        long id = receive(decision());
        assertThat(inspections.awaitIdle(Duration.ofSeconds(60))).isTrue();
        // Both inspections failed: the files stay stored and PENDING, nothing half-written.
        assertThat(badges(id)).containsExactly("PENDING", "PENDING");
        assertThat(jdbc.sql("select count(*) from document where dossier_id = ? and extracted_text is null")
                .param(id).query(Integer.class).single()).isEqualTo(2);

        inspections.requeueAtStart();
        assertThat(inspections.awaitIdle(Duration.ofSeconds(60))).isTrue();
        assertThat(badges(id)).containsExactly("GREY", "GREY");
        assertThat(jdbc.sql("select doc_symbol from document where dossier_id = ? order by id limit 1").param(id)
                .query(String.class).single()).isEqualTo("QĐ-UBND");
    }
}
