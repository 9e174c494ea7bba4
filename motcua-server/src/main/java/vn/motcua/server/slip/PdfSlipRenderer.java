package vn.motcua.server.slip;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lays out a {@link Slip} as a PDF — A5 for the slips, A4 for the control slip table (Form 05) — with Liberation Serif
 * embedded (metric compatible with Times New Roman, which Decree 30 asks for, and complete for Vietnamese) and a QR code
 * drawn as vector squares so it prints sharply.
 */
@Component
public class PdfSlipRenderer {

    private static final float MARGIN = 36f;
    private final Path regularFont;
    private final Path boldFont;

    public PdfSlipRenderer(@Value("${motcua.slip.font-dir:/usr/share/fonts/truetype/liberation2}") String fontDir) {
        this.regularFont = Path.of(fontDir, "LiberationSerif-Regular.ttf");
        this.boldFont = Path.of(fontDir, "LiberationSerif-Bold.ttf");
    }

    public byte[] render(Slip slip) {
        if (!Files.isReadable(regularFont) || !Files.isReadable(boldFont)) {
            throw new IllegalStateException("Liberation Serif fonts not found in " + regularFont.getParent()
                    + " (Debian package fonts-liberation2; set motcua.slip.font-dir)");
        }
        try (PDDocument doc = new PDDocument()) {
            PDFont regular = PDType0Font.load(doc, regularFont.toFile());
            PDFont bold = PDType0Font.load(doc, boldFont.toFile());
            new Layout(doc, regular, bold).write(slip);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One pass over the slip, adding pages as the text flows. */
    private static final class Layout {
        private final PDDocument doc;
        private final PDFont regular;
        private final PDFont bold;
        private PDRectangle size = PDRectangle.A5;
        private PDPageContentStream out;
        private float y;

        Layout(PDDocument doc, PDFont regular, PDFont bold) {
            this.doc = doc;
            this.regular = regular;
            this.bold = bold;
        }

        void write(Slip s) throws IOException {
            // Tables (Form 05) need the width of A4; the other forms are A5 slips.
            size = s.table() != null && !s.table().isEmpty() ? PDRectangle.A4 : PDRectangle.A5;
            newPage();
            float left = (size.getWidth() - 2 * MARGIN) * 0.42f;
            float right = size.getWidth() - 2 * MARGIN - left;
            float top = y;
            for (String line : wrap(s.issuer(), bold, 9f, left - 6)) {
                centered(line, bold, 9f, MARGIN, left - 6);
            }
            float leftBottom = y;
            y = top;
            centered(s.nationalTitle(), bold, 8f, MARGIN + left, right);
            centered(s.nationalMotto(), bold, 9f, MARGIN + left, right);
            y = Math.min(y, leftBottom) - 4;
            if (s.placeAndDate() != null) {
                right(s.placeAndDate(), 9.5f);
            }
            y -= 6;
            if (s.formNumber() != null) {
                centered(s.formNumber(), regular, 9, MARGIN, size.getWidth() - 2 * MARGIN);
            }
            for (String line : wrap(s.title(), bold, 12, size.getWidth() - 2 * MARGIN)) {
                centered(line, bold, 12, MARGIN, size.getWidth() - 2 * MARGIN);
            }
            y -= 8;
            float qrSize = 86;
            float textWidth = size.getWidth() - 2 * MARGIN;
            for (Slip.Field f : s.fields()) {
                paragraph(f.label() + ": ", f.value() == null ? "" : f.value(), 10, textWidth);
            }
            for (String p : s.paragraphs()) {
                paragraph("", p, 10, textWidth);
            }
            if (s.table() != null && !s.table().isEmpty()) {
                y -= 6;
                table(s.table());
            }
            y -= 10;
            ensure(qrSize + 40);
            float blockTop = y;
            if (s.qrContent() != null) {
                qr(s.qrContent(), MARGIN, blockTop - qrSize, qrSize);
                text(s.qrContent(), regular, 6.5f, MARGIN, blockTop - qrSize - 9);
            }
            y = blockTop;
            float sigX = size.getWidth() / 2;
            centered(s.footerTitle(), bold, 10, sigX, size.getWidth() / 2 - MARGIN);
            y -= 40;
            if (s.footerName() != null) {
                centered(s.footerName(), bold, 10, sigX, size.getWidth() / 2 - MARGIN);
            }
            out.close();
        }

        private void newPage() throws IOException {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(size);
            doc.addPage(page);
            out = new PDPageContentStream(doc, page);
            y = size.getHeight() - MARGIN;
        }

        private void ensure(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        private void text(String s, PDFont font, float fontSize, float x, float baseline) throws IOException {
            out.beginText();
            out.setFont(font, fontSize);
            out.newLineAtOffset(x, baseline);
            out.showText(PrintableText.of(font, s));
            out.endText();
        }

        private void centered(String s, PDFont font, float fontSize, float x, float width) throws IOException {
            if (s == null) {
                return;
            }
            ensure(fontSize * 1.3f);
            y -= fontSize * 1.3f;
            float w = font.getStringWidth(PrintableText.of(font, s)) / 1000 * fontSize;
            text(s, font, fontSize, x + Math.max(0, (width - w) / 2), y);
        }

        private void right(String s, float fontSize) throws IOException {
            ensure(fontSize * 1.3f);
            y -= fontSize * 1.3f;
            float w = regular.getStringWidth(PrintableText.of(regular, s)) / 1000 * fontSize;
            text(s, regular, fontSize, size.getWidth() - MARGIN - w, y);
        }

        /** A bold label followed by regular text, wrapped to the width. */
        private void paragraph(String label, String value, float fontSize, float width) throws IOException {
            float labelWidth = bold.getStringWidth(PrintableText.of(bold, label)) / 1000 * fontSize;
            List<String> lines = wrap(value, regular, fontSize, width - labelWidth);
            if (lines.isEmpty()) {
                lines = List.of("");
            }
            float leading = fontSize * 1.35f;
            for (int i = 0; i < lines.size(); i++) {
                ensure(leading);
                y -= leading;
                if (i == 0 && !label.isEmpty()) {
                    text(label, bold, fontSize, MARGIN, y);
                }
                text(lines.get(i), regular, fontSize, MARGIN + labelWidth, y);
            }
        }

        private void table(List<List<String>> rows) throws IOException {
            int columns = rows.get(0).size();
            float width = size.getWidth() - 2 * MARGIN;
            // Columns share the width by the length of their longest cell, within limits.
            float[] weight = new float[columns];
            float total = 0;
            for (int c = 0; c < columns; c++) {
                int longest = 0;
                int longestWord = 0;
                for (List<String> row : rows) {
                    String cell = row.get(c) == null ? "" : row.get(c);
                    longest = Math.max(longest, cell.length());
                    for (String word : cell.split(" ")) {
                        longestWord = Math.max(longestWord, word.length());
                    }
                }
                weight[c] = Math.max(longestWord + 1, Math.max(5, Math.min(22, longest)));
                total += weight[c];
            }
            float fontSize = 7.5f;
            float leading = fontSize * 1.25f;
            for (int r = 0; r < rows.size(); r++) {
                PDFont font = r == 0 ? bold : regular;
                List<List<String>> cells = new ArrayList<>();
                int height = 1;
                for (int c = 0; c < columns; c++) {
                    String cell = rows.get(r).get(c);
                    List<String> l = wrap(cell == null ? "" : cell, font, fontSize, width * weight[c] / total - 4);
                    cells.add(l);
                    height = Math.max(height, l.size());
                }
                float rowHeight = height * leading + 4;
                ensure(rowHeight);
                float top = y;
                float x = MARGIN;
                for (int c = 0; c < columns; c++) {
                    float colWidth = width * weight[c] / total;
                    out.addRect(x, top - rowHeight, colWidth, rowHeight);
                    List<String> l = cells.get(c);
                    for (int i = 0; i < l.size(); i++) {
                        text(l.get(i), font, fontSize, x + 2, top - 2 - (i + 1) * leading + 2);
                    }
                    x += colWidth;
                }
                out.setLineWidth(0.5f);
                out.stroke();
                y = top - rowHeight;
            }
        }

        private void qr(String content, float x, float yBottom, float side) throws IOException {
            BitMatrix m;
            try {
                m = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                        Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1));
            } catch (WriterException e) {
                throw new IOException("QR code cannot hold " + content.length() + " characters", e);
            }
            float cell = side / m.getWidth();
            for (int r = 0; r < m.getHeight(); r++) {
                for (int c = 0; c < m.getWidth(); c++) {
                    if (m.get(c, r)) {
                        out.addRect(x + c * cell, yBottom + side - (r + 1) * cell, cell, cell);
                    }
                }
            }
            out.fill();
        }

        /** Lines of the text to the width; its own line breaks are kept. */
        private static List<String> wrap(String text, PDFont font, float fontSize, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String para : text.replace("\r", "").split("\n", -1)) {
                lines.addAll(PrintableText.lines(font, fontSize, PrintableText.of(font, para).split(" "), width));
            }
            return lines;
        }
    }
}
