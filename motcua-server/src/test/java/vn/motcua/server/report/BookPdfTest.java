package vn.motcua.server.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import vn.motcua.domain.dossier.Action;
import vn.motcua.domain.dossier.Channel;
import vn.motcua.domain.dossier.Dossier;
import vn.motcua.domain.office.Role;
import vn.motcua.server.Desk;
import vn.motcua.server.ServerTest;
import vn.motcua.server.dossier.Applicant;

import java.io.ByteArrayInputStream;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.server.report.GeneratedHistory.DOAN_KET;
import static vn.motcua.server.report.GeneratedHistory.HOA_BINH;

/**
 * The tracking book (Form 06) as PDF over 500 dossiers of phường Đoàn Kết received in March–April 2021 (no other test
 * class uses that office and period): read back with PDFBox, every dossier code once and in the book's order, the page
 * header (office, title, period, column titles) and "Trang x/y" on every page, Vietnamese text intact, no ID or phone
 * number anywhere, Liberation Serif embedded, and the same office scoping as the XLSX.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookPdfTest {

    static final String RANGE = "from=2021-03-01&to=2021-04-30";
    static final int COUNT = 500;
    static final String NAME = "Đàm Vĩnh Hưng";
    static final String ADDRESS = "Tổ dân phố 7, phường Đoàn Kết, thị xã Ayun Pa, tỉnh Gia Lai";

    @Autowired
    Desk desk;
    @Autowired
    GeneratedHistory history;

    final List<String> idNumbers = new ArrayList<>();
    final List<String> phones = new ArrayList<>();

    @BeforeAll
    void generate() {
        Random rnd = new Random(20210301L);
        for (int i = 0; i < COUNT; i++) {
            LocalDate day = LocalDate.of(2021, 3, 1).plusDays(rnd.nextInt(60));
            while (day.getDayOfWeek().getValue() > 5) {
                day = day.plusDays(1);
            }
            Instant t = GeneratedHistory.at(day + "T" + String.format("%02d:%02d", 7 + rnd.nextInt(8), rnd.nextInt(60)));
            String id = String.format("0792100%05d", i);
            String phone = String.format("0912%06d", 300000 + i);
            idNumbers.add(id);
            phones.add(phone);
            String name = i == 7 ? NAME : "Kha Bá Vinh " + i;
            // One address far too long for a cell (cut with an ellipsis), one with a control character.
            String address = i == 11 ? (ADDRESS + " ").repeat(20) : i == 12 ? "Thôn 3\u0007, xã Ia Sao" : ADDRESS;
            // Every dossier ends closed (withdrawn or returned), so none lingers on other tests' worklists as overdue;
            // a quarter are signed three days late.
            List<UnaryOperator<Dossier>> steps = new ArrayList<>();
            if (rnd.nextInt(5) == 0) {
                steps.add(history.act(new Action.Withdraw("rút"), Role.RECEPTION, DOAN_KET, t.plusSeconds(600)));
            } else {
                Instant signed = t.plusSeconds(2400).plus(java.time.Duration.ofDays(rnd.nextInt(4) == 0 ? 3 : 0));
                steps.add(history.act(new Action.TransferToProcessing(""), Role.RECEPTION, DOAN_KET, t.plusSeconds(600)));
                steps.add(history.act(new Action.SubmitForApproval(""), Role.SPECIALIST, DOAN_KET, t.plusSeconds(1200)));
                steps.add(history.act(new Action.Approve(""), Role.LEADER, DOAN_KET, t.plusSeconds(1800)));
                steps.add(history.act(new Action.SignResult(""), Role.LEADER, DOAN_KET, signed));
                steps.add(history.act(new Action.ReturnResult(Channel.COUNTER, ""), Role.RECEPTION, DOAN_KET,
                        signed.plusSeconds(600)));
            }
            history.store(i % 2 == 0 ? "1.001193" : "2.000908", DOAN_KET, Channel.values()[i % 3], t,
                    new Applicant(name, id, phone, address, null), steps);
        }
    }

    @Test
    void everyLineOnceAndInOrderWithTheHeaderOnEveryPage() throws Exception {
        List<String> codes = Desk.read(desk.get(DOAN_KET, Role.LEADER, "/api/reports/book?" + RANGE), "$[*].code");
        assertThat(codes).hasSizeGreaterThanOrEqualTo(COUNT);

        MvcResult r = desk.get(DOAN_KET, Role.LEADER, "/api/reports/export?what=book&format=pdf&lang=vi&" + RANGE);
        assertThat(r.getResponse().getStatus()).as(Desk.body(r)).isEqualTo(200);
        assertThat(r.getResponse().getContentType()).isEqualTo("application/pdf");
        try (PDDocument doc = Loader.loadPDF(r.getResponse().getContentAsByteArray())) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThan(10);
            java.nio.file.Path shots = java.nio.file.Path.of(System.getProperty("motcua.screenshots", "target/screenshots"));
            java.nio.file.Files.createDirectories(shots);
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 110), "png",
                    shots.resolve("form06.png").toFile());
            String all = nfc(new PDFTextStripper().getText(doc));
            // Every code once, in the book's order.
            int last = -1;
            for (String code : codes) {
                int at = all.indexOf(code);
                assertThat(at).as(code).isGreaterThan(last);
                assertThat(all.indexOf(code, at + 1)).as(code + " twice").isEqualTo(-1);
                last = at;
            }
            // Each page: office, title, period, the table's header row and its number.
            for (int p = 1; p <= pages; p++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String page = nfc(stripper.getText(doc));
                assertThat(page).as("page " + p).contains("ỦY BAN NHÂN DÂN PHƯỜNG ĐOÀN KẾT")
                        .contains("SỔ THEO DÕI HỒ SƠ").contains("Từ ngày 01/03/2021 đến ngày 30/04/2021")
                        .contains("STT").contains("Mã hồ sơ").contains("Ghi chú").contains("Trang " + p + "/" + pages);
                PDPage pdPage = doc.getPage(p - 1);
                assertThat(pdPage.getMediaBox().getWidth()).isGreaterThan(pdPage.getMediaBox().getHeight());
                for (COSName name : pdPage.getResources().getFontNames()) {
                    PDFont font = pdPage.getResources().getFont(name);
                    assertThat(font).isInstanceOf(PDType0Font.class);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).contains("LiberationSerif");
                }
            }
            // Vietnamese text intact; results judged; the long address cut, the control character blanked.
            assertThat(all.replaceAll("\\s+", " ")).contains(NAME).contains("Tổ dân phố 7").contains("Đã trả kết quả")
                    .contains("Đã trả kết quả – Đúng hạn").contains("Đã trả kết quả – Quá hạn")
                    .contains("Đã rút hồ sơ").contains("…").contains("Thôn 3 , xã Ia Sao");
            // No ID or phone number at all.
            Matcher digits = Pattern.compile("\\d{9,}").matcher(all);
            while (digits.find()) {
                assertThat(idNumbers).doesNotContain(digits.group());
                assertThat(phones).doesNotContain(digits.group());
            }
            for (String id : idNumbers.subList(0, 20)) {
                assertThat(all).doesNotContain(id).doesNotContain(id.substring(3));
            }
        }
    }

    @Test
    void sameColumnsAsTheXlsxAndInEnglishOnRequest() throws Exception {
        MvcResult xlsx = desk.get(DOAN_KET, Role.LEADER, "/api/reports/export?what=book&format=xlsx&lang=en&" + RANGE);
        MvcResult pdf = desk.get(DOAN_KET, Role.LEADER, "/api/reports/export?what=book&format=pdf&lang=en&" + RANGE);
        List<String> xlsxHeader = new ArrayList<>();
        List<String> firstRow = new ArrayList<>();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(
                xlsx.getResponse().getContentAsByteArray()))) {
            wb.getSheetAt(0).getRow(2).forEach(c -> xlsxHeader.add(c.getStringCellValue()));
            wb.getSheetAt(0).getRow(3).forEach(c -> firstRow.add(c.getStringCellValue()));
        }
        assertThat(xlsxHeader).hasSize(12).doesNotContain("ID number", "Phone");
        try (PDDocument doc = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("DOSSIER TRACKING BOOK").contains("From 01/03/2021 to 30/04/2021")
                    .contains("Page 1/" + doc.getNumberOfPages());
            // Every cell of the first line of the XLSX is printed in the PDF (wrapped words joined back by spaces).
            for (String cell : firstRow) {
                if (cell.length() > 200 || cell.chars().anyMatch(Character::isISOControl)) {
                    continue;   // the generated oversized and control-character addresses print cut or blanked
                }
                for (String word : cell.split(" ")) {
                    assertThat(text).as(cell).contains(word);
                }
            }
            for (String title : xlsxHeader) {
                for (String word : title.split(" ")) {
                    assertThat(text).as(title).contains(word);
                }
            }
        }
    }

    @Test
    void scopedLikeTheXlsx() throws Exception {
        String url = "/api/reports/export?what=book&format=pdf&office=doan-ket&" + RANGE;
        assertThat(desk.get(HOA_BINH, Role.LEADER, url).getResponse().getStatus()).isEqualTo(404);
        assertThat(desk.get(DOAN_KET, Role.RECEPTION, url).getResponse().getStatus()).isEqualTo(403);
        // The district above the ward sees its book.
        assertThat(desk.get(GeneratedHistory.AYUN_PA, Role.LEADER, url).getResponse().getStatus()).isEqualTo(200);
        // The page links to it.
        assertThat(Desk.body(desk.get(DOAN_KET, Role.LEADER, "/reports/book?" + RANGE)))
                .contains("what=book&amp;format=pdf");
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
