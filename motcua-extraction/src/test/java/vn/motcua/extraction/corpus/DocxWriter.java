package vn.motcua.extraction.corpus;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;

/** Writes a {@link Page} as DOCX with Apache POI, header as a table or as paragraphs. */
final class DocxWriter {

    private DocxWriter() {
    }

    static void write(Page page, boolean table, String title, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.getProperties().getCoreProperties().setTitle(title);
            doc.getProperties().getCoreProperties().setCreator("Văn thư");
            if (table) {
                XWPFTable t = doc.createTable(2, 2);
                fill(t.getRow(0).getCell(0), page.headerTop.left());
                fill(t.getRow(0).getCell(1), page.headerTop.right());
                fill(t.getRow(1).getCell(0), page.headerNumberRow.left());
                fill(t.getRow(1).getCell(1), page.headerNumberRow.right());
            } else {
                paragraphs(doc, page.headerTop.left(), ParagraphAlignment.LEFT);
                paragraphs(doc, page.headerNumberRow.left(), ParagraphAlignment.LEFT);
                paragraphs(doc, page.headerTop.right(), ParagraphAlignment.RIGHT);
                paragraphs(doc, page.headerNumberRow.right(), ParagraphAlignment.RIGHT);
            }
            paragraphs(doc, page.middle, ParagraphAlignment.BOTH);
            if (table) {
                XWPFTable t = doc.createTable(1, 2);
                fill(t.getRow(0).getCell(0), page.footer.left());
                fill(t.getRow(0).getCell(1), page.footer.right());
            } else {
                paragraphs(doc, page.footer.right(), ParagraphAlignment.RIGHT);
                paragraphs(doc, page.footer.left(), ParagraphAlignment.LEFT);
            }
            doc.write(out);
        }
    }

    private static void fill(XWPFTableCell cell, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            XWPFParagraph p = i == 0 ? cell.getParagraphs().get(0) : cell.addParagraph();
            p.createRun().setText(lines.get(i));
        }
    }

    private static void paragraphs(XWPFDocument doc, List<String> lines, ParagraphAlignment alignment) {
        for (String line : lines) {
            XWPFParagraph p = doc.createParagraph();
            p.setAlignment(alignment);
            p.createRun().setText(line);
        }
    }
}
