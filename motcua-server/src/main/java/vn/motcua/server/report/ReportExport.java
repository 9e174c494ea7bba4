package vn.motcua.server.report;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.motcua.domain.report.OfficeReport;
import vn.motcua.domain.report.Period;
import vn.motcua.server.office.LiveCatalogue;
import vn.motcua.server.web.Formats;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report table and the tracking book (Form 06) as XLSX and as PDF (A4 landscape, Liberation Serif for Vietnamese,
 * like the slips).
 */
@Component
public class ReportExport {

    /** The table's columns in the order of the official layout: received, resolved, in progress, the rest, rates. */
    static final List<ReportCategory> TABLE = List.of(ReportCategory.TO_HANDLE, ReportCategory.RECEIVED_ONLINE,
            ReportCategory.RECEIVED_COUNTER, ReportCategory.RECEIVED_POST, ReportCategory.CARRIED_OVER,
            ReportCategory.RESOLVED, ReportCategory.RESOLVED_EARLY, ReportCategory.RESOLVED_ON_TIME,
            ReportCategory.RESOLVED_LATE, ReportCategory.IN_PROGRESS_NOT_YET_DUE, ReportCategory.IN_PROGRESS_OVERDUE,
            ReportCategory.WAITING_FOR_SUPPLEMENT, ReportCategory.RETURNED, ReportCategory.WITHDRAWN,
            ReportCategory.REFUSED, ReportCategory.STOPPED);

    private final MessageSource messages;
    private final LiveCatalogue catalogue;
    private final Formats formats;
    private final Path fontDir;

    public ReportExport(MessageSource messages, LiveCatalogue catalogue, Formats formats,
                        @Value("${motcua.slip.font-dir:/usr/share/fonts/truetype/liberation2}") String fontDir) {
        this.messages = messages;
        this.catalogue = catalogue;
        this.formats = formats;
        this.fontDir = Path.of(fontDir);
    }

    List<String> header(Locale locale) {
        List<String> h = new ArrayList<>();
        h.add(text("report.col.office", locale));
        TABLE.forEach(c -> h.add(text("report.cat." + c.name(), locale)));
        h.add(text("report.onTimeRate", locale));
        h.add(text("report.onlineRate", locale));
        h.add(text("report.sat.SATISFIED", locale));
        h.add(text("report.sat.RATED", locale));
        h.add(text("report.sat.rate", locale));
        return h;
    }

    List<String> row(TableRow row, Locale locale) {
        OfficeReport r = row.report();
        List<String> cells = new ArrayList<>();
        cells.add(catalogue.offices().byId(r.officeId()).map(o -> o.name(locale)).orElse(r.officeId()));
        TABLE.forEach(c -> cells.add(String.valueOf(c.of(r))));
        cells.add(r.onTimeRate().map(v -> v.toPlainString() + " %").orElse("—"));
        cells.add(r.onlineRate().map(v -> v.toPlainString() + " %").orElse("—"));
        cells.add(String.valueOf(row.satisfaction().satisfied()));
        cells.add(String.valueOf(row.satisfaction().ratings()));
        cells.add(row.satisfaction().rate().map(v -> v.toPlainString() + " %").orElse("—"));
        return cells;
    }

    public void xlsx(List<TableRow> tableRows, Locale locale, OutputStream out) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(text("report.title", locale)));
            OfficeReport first = tableRows.get(0).report();
            cells(sheet.createRow(0), List.of(text("report.title", locale),
                    formats.date(first.period().start()) + " – " + formats.date(first.period().end().minusSeconds(1))));
            cells(sheet.createRow(2), header(locale));
            int i = 3;
            for (TableRow t : tableRows) {
                OfficeReport r = t.report();
                Row row = sheet.createRow(i++);
                List<String> values = row(t, locale);
                row.createCell(0).setCellValue(values.get(0));
                for (int c = 0; c < TABLE.size(); c++) {
                    row.createCell(c + 1).setCellValue(TABLE.get(c).of(r));
                }
                r.onTimeRate().ifPresent(v -> row.createCell(TABLE.size() + 1).setCellValue(v.doubleValue()));
                r.onlineRate().ifPresent(v -> row.createCell(TABLE.size() + 2).setCellValue(v.doubleValue()));
                row.createCell(TABLE.size() + 3).setCellValue(t.satisfaction().satisfied());
                row.createCell(TABLE.size() + 4).setCellValue(t.satisfaction().ratings());
                t.satisfaction().rate().ifPresent(v -> row.createCell(TABLE.size() + 5).setCellValue(v.doubleValue()));
            }
            book.write(out);
        }
    }

    public void bookXlsx(List<DossierLine> lines, String office, Locale locale, OutputStream out) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(text("report.book.title", locale)));
            cells(sheet.createRow(0), List.of(text("report.book.title", locale),
                    catalogue.offices().byId(office).map(o -> o.name(locale)).orElse(office)));
            cells(sheet.createRow(2), bookHeader(locale));
            int i = 3;
            for (DossierLine l : lines) {
                cells(sheet.createRow(i), bookRow(i - 2, l, locale));
                i++;
            }
            book.write(out);
        }
    }

    List<String> bookHeader(Locale locale) {
        return List.of("no", "code", "procedure", "applicant", "address", "office", "receivedAt", "dueAt",
                "transferredAt", "resolvedAt", "returnedAt", "note").stream()
                .map(k -> text("report.book.col." + k, locale)).toList();
    }

    List<String> bookRow(int no, DossierLine l, Locale locale) {
        return List.of(String.valueOf(no), l.code(), l.procedure(), l.applicantName(),
                l.address() == null ? "" : l.address(),
                catalogue.offices().byId(l.currentOffice()).map(o -> o.name(locale)).orElse(l.currentOffice()),
                formats.time(l.receivedAt()), formats.time(l.dueAt()), formats.time(l.transferredAt()),
                formats.time(l.resolvedAt()), formats.time(l.returnedAt()), note(l, locale));
    }

    /** The state, and for a resolved dossier how it finished against its due date (early / on time / late). */
    private String note(DossierLine l, Locale locale) {
        String state = text("state." + l.state(), locale);
        return l.verdict() == null ? state : state + " – " + formats.label(l.verdict(), locale);
    }

    /**
     * The tracking book (Form 06) as an A4 landscape PDF with the same columns as {@link #bookXlsx}: office, title and
     * period on every page, the header row repeated, "Trang x/y" at the foot, Liberation Serif embedded.
     */
    public void bookPdf(List<DossierLine> lines, String office, Period period, Locale locale, OutputStream out)
            throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDFont font = PDType0Font.load(doc, font("LiberationSerif-Regular.ttf").toFile());
            PDFont boldFont = PDType0Font.load(doc, font("LiberationSerif-Bold.ttf").toFile());
            BookPdf.Texts texts = new BookPdf.Texts(
                    catalogue.offices().byId(office).map(o -> o.name(locale)).orElse(office).toUpperCase(locale),
                    text("report.book.pdfTitle", locale),
                    messages.getMessage("report.book.pdfPeriod", new Object[]{formats.date(period.start()),
                            formats.date(period.end().minusSeconds(1))}, locale),
                    (page, total) -> messages.getMessage("report.book.page",
                            new Object[]{String.valueOf(page), String.valueOf(total)}, locale));
            String longestCode = lines.stream().map(DossierLine::code).reduce((a, b) -> a.length() >= b.length() ? a : b)
                    .orElse("");
            String date = "00/00/0000";
            // no, code, procedure, applicant, address, office, received, due, transferred, resolved, returned, note
            List<String> fixed = java.util.Arrays.asList(String.valueOf(lines.size()), longestCode, null, null, null,
                    null, date, date, date, date, date, null);
            float[] weights = {0, 0, 3, 2, 2.2f, 1.6f, 0, 0, 0, 0, 0, 1.8f};
            List<List<String>> rows = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                rows.add(bookRow(i + 1, lines.get(i), locale));
            }
            new BookPdf(doc, font, boldFont, texts, bookHeader(locale), fixed, weights).write(rows);
            doc.save(out);
        }
    }

    private Path font(String file) {
        Path path = fontDir.resolve(file);
        if (!Files.isReadable(path)) {
            throw new IllegalStateException("Liberation Serif fonts not found in " + fontDir
                    + " (Debian package fonts-liberation2; set motcua.slip.font-dir)");
        }
        return path;
    }

    public void pdf(List<TableRow> rows, Locale locale, OutputStream out) throws IOException {
        Path regular = fontDir.resolve("LiberationSerif-Regular.ttf");
        Path bold = fontDir.resolve("LiberationSerif-Bold.ttf");
        if (!Files.isReadable(regular) || !Files.isReadable(bold)) {
            throw new IllegalStateException("Liberation Serif fonts not found in " + fontDir
                    + " (Debian package fonts-liberation2; set motcua.slip.font-dir)");
        }
        try (PDDocument doc = new PDDocument()) {
            PDFont font = PDType0Font.load(doc, regular.toFile());
            PDFont boldFont = PDType0Font.load(doc, bold.toFile());
            PDRectangle a4 = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            PDPage page = new PDPage(a4);
            doc.addPage(page);
            OfficeReport first = rows.get(0).report();
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                float x0 = 30;
                float y = a4.getHeight() - 40;
                write(s, boldFont, 14, x0, y, text("report.title", locale).toUpperCase(locale));
                y -= 18;
                write(s, font, 11, x0, y, text("report.period", locale) + ": " + formats.date(first.period().start())
                        + " – " + formats.date(first.period().end().minusSeconds(1)));
                y -= 24;
                List<String> header = header(locale);
                float officeWidth = 130;
                float width = (a4.getWidth() - 2 * x0 - officeWidth) / (header.size() - 1);
                float rowHeight = 70;
                grid(s, x0, y, officeWidth, width, header.size(), rowHeight);
                cellText(s, boldFont, 7, x0, y, officeWidth, header.get(0));
                for (int c = 1; c < header.size(); c++) {
                    cellText(s, boldFont, 7, x0 + officeWidth + (c - 1) * width, y, width, header.get(c));
                }
                y -= rowHeight;
                for (TableRow r : rows) {
                    List<String> cells = row(r, locale);
                    grid(s, x0, y, officeWidth, width, cells.size(), 30);
                    cellText(s, font, 8, x0, y, officeWidth, cells.get(0));
                    for (int c = 1; c < cells.size(); c++) {
                        cellText(s, font, 9, x0 + officeWidth + (c - 1) * width, y, width, cells.get(c));
                    }
                    y -= 30;
                }
                y -= 20;
                write(s, font, 9, x0, y, text("report.asOf", locale) + ": " + formats.time(first.asOf()));
            }
            doc.save(out);
        }
    }

    private static void grid(PDPageContentStream s, float x, float top, float first, float width, int columns,
                             float height) throws IOException {
        s.addRect(x, top - height, first, height);
        for (int c = 1; c < columns; c++) {
            s.addRect(x + first + (c - 1) * width, top - height, width, height);
        }
        s.stroke();
    }

    /** Wraps the text into the cell by words. */
    private static void cellText(PDPageContentStream s, PDFont font, float size, float x, float top, float width,
                                 String text) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size > width - 4 && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        float y = top - size - 2;
        for (String l : lines) {
            write(s, font, size, x + 2, y, l);
            y -= size + 1.5f;
        }
    }

    private static void write(PDPageContentStream s, PDFont font, float size, float x, float y, String text)
            throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        s.showText(text);
        s.endText();
    }

    private static void cells(Row row, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            row.createCell(i).setCellValue(values.get(i));
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
