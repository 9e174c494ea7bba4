package vn.motcua.server.report;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import vn.motcua.server.slip.PrintableText;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Lays out the tracking book (Form 06) on A4 landscape pages: on every page the office, the title, the period and the
 * table's header row, then as many whole rows as fit (a row never splits across pages), and "Trang x/y" at the foot once
 * the number of pages is known.
 */
final class BookPdf {

    static final PDRectangle A4_LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 28;
    private static final float FONT_SIZE = 7.5f;
    private static final float LEADING = FONT_SIZE * 1.22f;
    private static final float PADDING = 2;
    /** A cell longer than this many lines (a pasted essay in an address) is cut with an ellipsis so a row fits a page. */
    private static final int MAX_LINES = 8;

    /** What the page header and footer say. */
    record Texts(String office, String title, String period, BiFunction<Integer, Integer, String> page) {
    }

    private final PDDocument doc;
    private final PDFont regular;
    private final PDFont bold;
    private final Texts texts;
    private final List<String> header;
    private final float[] widths;
    private PDPageContentStream out;
    private float y;

    /**
     * @param header     the column titles
     * @param fixed      per column: the widest text that must stay on one line (codes, dates), or null for a column that
     *                   shares the rest of the width by {@code weights}
     */
    BookPdf(PDDocument doc, PDFont regular, PDFont bold, Texts texts, List<String> header, List<String> fixed,
            float[] weights) throws IOException {
        this.doc = doc;
        this.regular = regular;
        this.bold = bold;
        this.texts = texts;
        this.header = header;
        this.widths = new float[header.size()];
        float free = A4_LANDSCAPE.getWidth() - 2 * MARGIN;
        float weightSum = 0;
        for (int c = 0; c < widths.length; c++) {
            if (fixed.get(c) != null) {
                widths[c] = Math.max(width(bold, header.get(c).split(" ")[0]), width(regular, fixed.get(c)))
                        + 2 * PADDING + 1;
                free -= widths[c];
            } else {
                weightSum += weights[c];
            }
        }
        for (int c = 0; c < widths.length; c++) {
            if (fixed.get(c) == null) {
                widths[c] = free * weights[c] / weightSum;
            }
        }
    }

    void write(List<List<String>> rows) throws IOException {
        newPage();
        for (List<String> row : rows) {
            List<List<String>> cells = cells(row, regular);
            float height = height(cells);
            if (y - height < MARGIN + 16) {
                newPage();
            }
            drawRow(cells, regular, height, false);
        }
        out.close();
        numberPages();
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(A4_LANDSCAPE);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        float width = A4_LANDSCAPE.getWidth() - 2 * MARGIN;
        y = A4_LANDSCAPE.getHeight() - MARGIN;
        y -= 11;
        text(texts.office(), bold, 10, MARGIN, y);
        y -= 20;
        centered(texts.title(), bold, 14, width);
        y -= 14;
        centered(texts.period(), regular, 10, width);
        y -= 10;
        List<List<String>> cells = cells(header, bold);
        drawRow(cells, bold, height(cells), true);
    }

    private List<List<String>> cells(List<String> row, PDFont font) throws IOException {
        List<List<String>> cells = new ArrayList<>(row.size());
        for (int c = 0; c < row.size(); c++) {
            List<String> lines = wrap(row.get(c) == null ? "" : row.get(c), font, widths[c] - 2 * PADDING);
            if (lines.size() > MAX_LINES) {
                lines = new ArrayList<>(lines.subList(0, MAX_LINES));
                lines.set(MAX_LINES - 1, lines.get(MAX_LINES - 1) + "…");
            }
            cells.add(lines);
        }
        return cells;
    }

    private static float height(List<List<String>> cells) {
        return cells.stream().mapToInt(List::size).max().orElse(1) * LEADING + 2 * PADDING + 1;
    }

    private void drawRow(List<List<String>> cells, PDFont font, float height, boolean centred) throws IOException {
        float x = MARGIN;
        for (int c = 0; c < cells.size(); c++) {
            out.addRect(x, y - height, widths[c], height);
            float baseline = y - PADDING - FONT_SIZE;
            for (String line : cells.get(c)) {
                float indent = centred ? Math.max(0, (widths[c] - 2 * PADDING - width(font, line)) / 2) : 0;
                text(line, font, FONT_SIZE, x + PADDING + indent, baseline);
                baseline -= LEADING;
            }
            x += widths[c];
        }
        out.setLineWidth(0.5f);
        out.stroke();
        y -= height;
    }

    private void numberPages() throws IOException {
        int total = doc.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            try (PDPageContentStream s = new PDPageContentStream(doc, doc.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                out = s;
                String label = texts.page().apply(i + 1, total);
                float w = width(regular, label) * 9 / FONT_SIZE;
                text(label, regular, 9, (A4_LANDSCAPE.getWidth() - w) / 2, MARGIN - 12);
            }
        }
    }

    private void centered(String s, PDFont font, float size, float width) throws IOException {
        float w = width(font, s) * size / FONT_SIZE;
        text(s, font, size, MARGIN + Math.max(0, (width - w) / 2), y);
    }

    private void text(String s, PDFont font, float size, float x, float baseline) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, baseline);
        out.showText(PrintableText.of(font, s));
        out.endText();
    }

    /** Width at the table's font size. */
    private static float width(PDFont font, String s) throws IOException {
        return font.getStringWidth(PrintableText.of(font, s)) / 1000 * FONT_SIZE;
    }

    /** Words to the width; a word wider than the width is cut into pieces that fit. */
    private static List<String> wrap(String text, PDFont font, float width) throws IOException {
        return PrintableText.lines(font, FONT_SIZE, PrintableText.of(font, text).strip().split(" +"), width);
    }
}
