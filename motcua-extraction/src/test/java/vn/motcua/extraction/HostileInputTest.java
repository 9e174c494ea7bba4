package vn.motcua.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.motcua.extraction.corpus.PdfWriter;

/**
 * Hostile and broken input: each gets a typed status with a message in both languages, and the next document is
 * read normally afterwards.
 */
class HostileInputTest {

    private static final String GOOD_TEXT = "Giấy mời dự hội nghị tổng kết công tác một cửa năm 2022.";

    /** After every hostile document, an ordinary one must still be extracted. */
    @AfterEach
    void nextDocumentIsUnaffected() {
        ExtractionResult r = Extraction.extract(new ByteArrayInputStream(GOOD_TEXT.getBytes(StandardCharsets.UTF_8)),
                "gm.txt", Limits.defaults());
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.text()).contains(GOOD_TEXT);
    }

    @Test
    void emptyFileIsDamaged() {
        ExtractionResult r = extract(new byte[0], "empty.pdf", Limits.defaults());
        assertFailure(r, Status.DAMAGED, "status.DAMAGED.empty");
    }

    @Test
    void randomBytesNamedPdfAreDamaged() {
        byte[] noise = new byte[8192];
        new Random(42).nextBytes(noise);
        ExtractionResult r = extract(noise, "scan.pdf", Limits.defaults());
        assertFailure(r, Status.DAMAGED, "status.DAMAGED");
        assertThat(r.mediaType()).contains("application/pdf");
        assertThat(r.message().en()).contains("application/pdf");
    }

    @Test
    void imagesAreUnsupportedBecauseThereIsNoOcr() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1,
            0, 0, 0, 1, 8, 2, 0, 0, 0};
        ExtractionResult r = extract(png, "scan.png", Limits.defaults());
        assertFailure(r, Status.UNSUPPORTED, "status.UNSUPPORTED");
        assertThat(r.mediaType()).contains("image/png");
    }

    @Test
    void encryptedPdfIsReportedAsEncryptedInBothPaths() throws IOException {
        assumeTrue(PdfWriter.fontAvailable(), () -> skip("Liberation Serif not found at " + PdfWriter.FONT));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(PDType0Font.load(doc, PdfWriter.FONT.toFile()), 12);
                cs.newLineAtOffset(72, 720);
                cs.showText("Quyết định mật");
                cs.endText();
            }
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
        }
        assertFailure(extract(out.toByteArray(), "mat.pdf", Limits.defaults()), Status.ENCRYPTED, "status.ENCRYPTED");
        ExtractionResult header = Extraction.extractHeader(new ByteArrayInputStream(out.toByteArray()), "mat.pdf",
                Limits.defaults());
        assertFailure(header, Status.ENCRYPTED, "status.ENCRYPTED");
    }

    @Test
    void pdfWithAPublicKeySecurityHandlerIsEncryptedNotDamaged() {
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            "<< /Filter /Adobe.PubSec /SubFilter /adbe.pkcs7.s5 /V 4 /Length 128 /Recipients [<3082>]"
                    + " /CF << /DefaultCryptFilter << /CFM /AESV2 /Recipients [<3082>] >> >>"
                    + " /StmF /DefaultCryptFilter /StrF /DefaultCryptFilter >>",
        };
        StringBuilder pdf = new StringBuilder("%PDF-1.6\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format(java.util.Locale.ROOT, "%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Root 1 0 R /Size ").append(objects.length + 1)
                .append(" /Encrypt 4 0 R /ID [<01020304><01020304>] >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        byte[] bytes = pdf.toString().getBytes(StandardCharsets.US_ASCII);
        assertFailure(extract(bytes, "pki.pdf", Limits.defaults()), Status.ENCRYPTED, "status.ENCRYPTED");
        assertFailure(Extraction.extractHeader(new ByteArrayInputStream(bytes), "pki.pdf", Limits.defaults()),
                Status.ENCRYPTED, "status.ENCRYPTED");
    }

    @Test
    void passwordProtectedDocxIsReportedAsEncrypted() throws Exception {
        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("Tờ trình mật");
            doc.write(docx);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("mat-khau");
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(docx.toByteArray());
            }
            fs.writeFilesystem(out);
        }
        assertFailure(extract(out.toByteArray(), "mat.docx", Limits.defaults()), Status.ENCRYPTED, "status.ENCRYPTED");
    }

    @Test
    void zipBombDocxIsStoppedByTheGuards() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
                    + "officedocument.wordprocessingml.document.main+xml\"/></Types>");
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                    + "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
                    + "wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>").getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) 'a');
            for (int i = 0; i < 64; i++) {
                zip.write(block);
            }
            zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        assertThat(out.size()).isLessThan(1 << 20);
        ExtractionResult r = extract(out.toByteArray(), "bom.docx", Limits.defaults());
        assertFailure(r, Status.TOO_LARGE, "status.TOO_LARGE.bomb");
    }

    @Test
    void pdfDeclaringAOneGigabyteStreamIsReadWithoutBlowingUp() {
        String content = "BT /F1 12 Tf 72 720 Td (Thong bao) Tj ET";
        String pdf = "%PDF-1.4\n"
                + "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                + " /Resources << /Font << /F1 5 0 R >> >> >> endobj\n"
                + "4 0 obj << /Length 1073741824 >>\nstream\n" + content + "\nendstream\nendobj\n"
                + "5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n"
                + "trailer << /Root 1 0 R /Size 6 >>\n%%EOF\n";
        ExtractionResult r = extract(pdf.getBytes(StandardCharsets.US_ASCII), "dai.pdf", Limits.defaults());
        // PDFBox notices the length is impossible and reads up to "endstream"; either it recovers or reports damage.
        assertThat(r.status()).isIn(Status.OK, Status.DAMAGED);
        if (r.ok()) {
            assertThat(r.text()).contains("Thong bao");
        }
    }

    @Test
    void inputOverTheSizeLimitIsRefusedUnread() {
        byte[] text = "Báo cáo ".repeat(1000).getBytes(StandardCharsets.UTF_8);
        ExtractionResult r = extract(text, "bc.txt", Limits.defaults().withMaxInputBytes(1000));
        assertFailure(r, Status.TOO_LARGE, "status.TOO_LARGE");
        assertThat(r.message().vi()).contains("1000");
        assertThat(r.message().en()).contains("1000");
    }

    @Test
    void textBeyondTheCharacterLimitIsCut() {
        byte[] text = "Báo cáo kết quả. ".repeat(1000).getBytes(StandardCharsets.UTF_8);
        ExtractionResult r = extract(text, "bc.txt", Limits.defaults().withMaxChars(200));
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.truncated()).isTrue();
        assertThat(r.text()).hasSizeLessThanOrEqualTo(200).startsWith("Báo cáo kết quả.");
        assertThat(r.message().key()).isEqualTo("status.OK.truncated");
    }

    @Test
    void aDocumentOverItsTimeBudgetIsCancelled() {
        byte[] text = "Kế hoạch tổ chức hội nghị tổng kết. ".repeat(300_000).getBytes(StandardCharsets.UTF_8);
        ExtractionResult r = extract(text, "kh.txt", Limits.defaults().withTimeout(Duration.ofMillis(1)));
        assertFailure(r, Status.TIMED_OUT, "status.TIMED_OUT");
    }

    @Test
    void limitsRejectNonsense() {
        assertThatThrownBy(() -> Limits.defaults().withMaxChars(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Limits.defaults().withTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A typed failure with its bilingual message, and nothing extracted. */
    static void assertFailure(ExtractionResult r, Status status, String key) {
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.message().key()).isEqualTo(key);
        assertThat(r.message().vi()).isNotBlank().isNotEqualTo(r.message().en());
        assertThat(r.message().en()).isNotBlank();
        assertThat(r.text()).isEmpty();
        assertThat(r.header().issuingBody()).isEmpty();
    }

    private static ExtractionResult extract(byte[] bytes, String name, Limits limits) {
        return Extraction.extract(new ByteArrayInputStream(bytes), name, limits);
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String skip(String why) {
        String line = "SKIPPED: " + why;
        System.out.println(line);
        return line;
    }
}
