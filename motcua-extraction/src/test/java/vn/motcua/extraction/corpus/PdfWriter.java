package vn.motcua.extraction.corpus;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writes a {@link Page} as an A4 PDF with Liberation Serif embedded (metric-compatible with Times New Roman, covers
 * Vietnamese). Columns either one after the other in the content stream, or row by row on shared baselines.
 */
public final class PdfWriter {

    public static final Path FONT = Path.of("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf");
    private static final float SIZE = 12;
    private static final float LEADING = 15;
    private static final float TOP = 800;
    private static final float BOTTOM = 60;
    private static final float LEFT_X = 60;
    private static final float RIGHT_X = 300;
    private static final int WRAP = 95;

    private final PDDocument doc = new PDDocument();
    private final PDType0Font font;
    private PDPageContentStream stream;
    private float y;

    private PdfWriter() throws IOException {
        font = PDType0Font.load(doc, FONT.toFile());
        newPage();
    }

    public static boolean fontAvailable() {
        return Files.isReadable(FONT);
    }

    static void write(Page page, boolean byRows, boolean rightFirst, String title, OutputStream out)
            throws IOException {
        PdfWriter w = new PdfWriter();
        try {
            if (byRows) {
                w.rows(page.headerTop);
                w.rows(page.headerNumberRow);
            } else {
                w.columns(page.headerTop, page.headerNumberRow, rightFirst);
            }
            w.y -= LEADING;
            for (String line : page.middle) {
                for (String wrapped : wrap(line)) {
                    w.line(LEFT_X, wrapped);
                }
            }
            w.y -= LEADING;
            if (byRows) {
                w.rows(page.footer);
            } else {
                w.columns(page.footer, null, rightFirst);
            }
            w.finish(title, out);
        } finally {
            w.doc.close();
        }
    }

    /** A plain multi-page PDF of numbered paragraphs, for benchmarks; the header and signature come from a page. */
    static void writeLong(Page page, int pages, OutputStream out) throws IOException {
        PdfWriter w = new PdfWriter();
        try {
            w.columns(page.headerTop, page.headerNumberRow, false);
            // Lines at TOP, TOP - LEADING, ... down to BOTTOM; the header and signature blocks take about 17 rows.
            int linesPerPage = (int) ((TOP - BOTTOM) / LEADING) + 1;
            int total = pages * linesPerPage - 30;
            for (int i = 0; i < total; i++) {
                w.line(LEFT_X, "Đoạn " + (i + 1) + ": các cơ quan, đơn vị tiếp tục thực hiện nhiệm vụ được giao,"
                        + " bảo đảm tiến độ giải quyết thủ tục hành chính.");
            }
            w.columns(page.footer, null, false);
            w.finish("Long document", out);
        } finally {
            w.doc.close();
        }
    }

    private void finish(String title, OutputStream out) throws IOException {
        stream.close();
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(title);
        info.setAuthor("Văn thư");
        info.setProducer("MotCua test corpus");
        doc.setDocumentInformation(info);
        doc.save(out);
    }

    private void rows(Page.Columns columns) throws IOException {
        int n = Math.max(columns.left().size(), columns.right().size());
        for (int i = 0; i < n; i++) {
            ensureRoom();
            String left = i < columns.left().size() ? columns.left().get(i) : "";
            String right = i < columns.right().size() ? columns.right().get(i) : "";
            if (!left.isEmpty()) {
                show(LEFT_X, y, left);
            }
            if (!right.isEmpty()) {
                show(RIGHT_X, y, right);
            }
            y -= LEADING;
        }
    }

    /** Both columns side by side on the page; the content stream holds one column, then the other. */
    private void columns(Page.Columns first, Page.Columns second, boolean rightFirst) throws IOException {
        List<String> left = new ArrayList<>(first.left());
        List<String> right = new ArrayList<>(first.right());
        if (second != null) {
            left.addAll(second.left());
            right.addAll(second.right());
        }
        if (y - LEADING * Math.max(left.size(), right.size()) < BOTTOM) {
            newPage();
        }
        float top = y;
        float end = rightFirst ? column(RIGHT_X, right, top) : column(LEFT_X, left, top);
        float other = rightFirst ? column(LEFT_X, left, top) : column(RIGHT_X, right, top);
        y = Math.min(end, other);
    }

    private float column(float x, List<String> lines, float top) throws IOException {
        float at = top;
        for (String s : lines) {
            if (!s.isEmpty()) {
                show(x, at, s);
            }
            at -= LEADING;
        }
        return at;
    }

    private void line(float x, String text) throws IOException {
        ensureRoom();
        show(x, y, text);
        y -= LEADING;
    }

    private void ensureRoom() throws IOException {
        if (y < BOTTOM) {
            newPage();
        }
    }

    private void show(float x, float atY, String text) throws IOException {
        stream.beginText();
        stream.setFont(font, SIZE);
        stream.newLineAtOffset(x, atY);
        stream.showText(text);
        stream.endText();
    }

    private void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        stream = new PDPageContentStream(doc, page);
        y = TOP;
    }

    private static List<String> wrap(String line) {
        List<String> out = new ArrayList<>();
        String rest = line;
        while (rest.length() > WRAP) {
            int cut = rest.lastIndexOf(' ', WRAP);
            if (cut <= 0) {
                cut = WRAP;
            }
            out.add(rest.substring(0, cut));
            rest = rest.substring(cut).strip();
        }
        out.add(rest);
        return out;
    }
}
