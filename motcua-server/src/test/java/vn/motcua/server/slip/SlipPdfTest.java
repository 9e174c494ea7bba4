package vn.motcua.server.slip;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import vn.motcua.domain.office.Role;
import vn.motcua.server.Desk;
import vn.motcua.server.ServerTest;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The printed forms: Vietnamese text really in the PDF, A5 size, the QR code decodes to the public lookup address. */
@ServerTest
class SlipPdfTest {

    @Autowired
    Desk desk;

    @Test
    void form01IsAnA5PdfInVietnameseWithAQrCodeToTheLookupPage() throws Exception {
        long id = desk.receiveAccepted("phuong-ayun-pa", "1.001193", "declaration", "birth-certificate");
        String code = Desk.read(desk.get("phuong-ayun-pa", Role.RECEPTION, "/api/dossiers/{id}", id), "$.code");
        MvcResult r = desk.get("phuong-ayun-pa", Role.RECEPTION, "/api/dossiers/{id}/slips/01", id);
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(r.getResponse().getContentType()).isEqualTo("application/pdf");
        byte[] pdf = r.getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isCloseTo(419.5f, org.assertj.core.data.Offset.offset(1f));
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    "Nguyễn Văn An", code, "Đăng ký khai sinh");
            // Decree 30's place-and-date line: "<office>, ngày dd tháng MM năm yyyy".
            assertThat(text).containsPattern(", ngày \\d{2} tháng \\d{2} năm \\d{4}");
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            Path out = Path.of(System.getProperty("motcua.screenshots", "target/screenshots"));
            Files.createDirectories(out);
            ImageIO.write(page, "png", new File(out.toFile(), "form01.png"));
            String decoded = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(page.getWidth(), page.getHeight(),
                            page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth()))))).getText();
            assertThat(decoded).isEqualTo("http://localhost:8080/lookup?code=" + code);
        }
    }

    @Test
    void form05ListsEveryHandOverAndUnavailableFormsAreRefused() throws Exception {
        long id = desk.receiveAccepted("phuong-ayun-pa", "2.000908", "original", "copy");
        desk.ok("phuong-ayun-pa", Role.RECEPTION, id, "transfer-to-processing", "{\"note\":\"Giao chuyên viên\"}");
        MvcResult r = desk.get("phuong-ayun-pa", Role.SPECIALIST, "/api/dossiers/{id}/slips/05", id);
        try (PDDocument doc = Loader.loadPDF(r.getResponse().getContentAsByteArray())) {
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Giao chuyên viên",
                    "Chuyển xử lý", "phuong-ayun-pa.reception");
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 110), "png",
                    new File(System.getProperty("motcua.screenshots", "target/screenshots"), "form05.png"));
        }
        // No refusal, no apology: Forms 03 and 04 do not exist for this dossier.
        assertThat(desk.get("phuong-ayun-pa", Role.SPECIALIST, "/api/dossiers/{id}/slips/03", id).getResponse().getStatus())
                .isEqualTo(409);
        assertThat(desk.get("phuong-ayun-pa", Role.SPECIALIST, "/api/dossiers/{id}/slips/09", id).getResponse().getStatus())
                .isEqualTo(404);
    }
}
