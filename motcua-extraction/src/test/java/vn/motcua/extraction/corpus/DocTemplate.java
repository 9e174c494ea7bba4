package vn.motcua.extraction.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;

/**
 * The two Word 97-2003 templates of the DOC corpus. POI cannot write a binary .doc from nothing, so {@link #main}
 * writes each template as DOCX once, LibreOffice converted those to .doc, and the .doc files are committed as test
 * resources (see {@code doc-templates.txt} next to them). At test time {@link DocWriter} fills the placeholders with
 * POI HWPF. The placeholders and fixed lines are defined here only, so the writer and the generator cannot disagree.
 */
public enum DocTemplate {
    /** Decree-30 layout: header as a borderless 2 × 2 table, signature block and recipients as a 1 × 2 table. */
    DECREE_TABLE("decree30-table"),
    /** One column of paragraphs: left header column, right header column, body, signature, recipients. */
    FLAT("decree30-flat");

    static final List<String> NATIONAL_TITLE = List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc");
    static final String NUMBER_LINE = "Số: {{NUMBER}}";
    static final String DATE_LINE = "{{PLACE}}, ngày {{DD}} tháng {{MM}} năm {{YYYY}}";
    static final String RECIPIENTS_TITLE = "Nơi nhận:";
    static final String SIGNED = "(Đã ký)";
    static final int SUMMARY_SLOTS = 2;
    static final int BODY_SLOTS = 8;
    static final int RECIPIENT_SLOTS = 4;

    static final List<String> ORG = List.of("{{ORG1}}", "{{ORG2}}");
    static final List<String> NUMBER_BLOCK = concat(List.of(NUMBER_LINE), slots("VV", SUMMARY_SLOTS));
    static final List<String> MIDDLE = concat(List.of("{{TYPE}}"), slots("SUMMARY", SUMMARY_SLOTS),
            slots("BODY", BODY_SLOTS));
    static final List<String> RECIPIENTS = concat(List.of(RECIPIENTS_TITLE), slots("RECIPIENT", RECIPIENT_SLOTS));
    static final List<String> SIGNATURE = List.of("{{AUTHORITY}}", "{{SIGNER_TITLE}}", "", SIGNED, "",
            "{{SIGNER_NAME}}");

    /** A placeholder as written in the templates. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[A-Z_0-9]+}}");

    private final String baseName;

    DocTemplate(String baseName) {
        this.baseName = baseName;
    }

    /** Class-path location of the committed .doc. */
    public String resource() {
        return "/vn/motcua/extraction/corpus/" + baseName + ".doc";
    }

    InputStream open() throws IOException {
        InputStream in = DocTemplate.class.getResourceAsStream(resource());
        if (in == null) {
            throw new IOException("test resource missing: " + resource());
        }
        return in;
    }

    /** Every placeholder of the templates, in document order, e.g. {@code {{ORG1}}}. */
    public static List<String> placeholders() {
        List<String> all = new ArrayList<>();
        for (List<String> block : List.of(ORG, NUMBER_BLOCK, List.of(DATE_LINE), MIDDLE, RECIPIENTS, SIGNATURE)) {
            for (String line : block) {
                Matcher m = PLACEHOLDER.matcher(line);
                while (m.find()) {
                    all.add(m.group());
                }
            }
        }
        return all;
    }

    /**
     * Writes the template as DOCX, the input of the one-off LibreOffice conversion:
     * {@code soffice --headless --convert-to doc:"MS Word 97" --outdir DIR DIR/decree30-table.docx}.
     */
    void writeDocx(OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.getProperties().getCoreProperties().setTitle("Mẫu văn bản hành chính (Nghị định 30/2020)");
            doc.getProperties().getCoreProperties().setCreator("MotCua test corpus");
            if (this == DECREE_TABLE) {
                XWPFTable header = borderless(doc.createTable(2, 2));
                fill(header.getRow(0).getCell(0), ORG);
                fill(header.getRow(0).getCell(1), NATIONAL_TITLE);
                fill(header.getRow(1).getCell(0), NUMBER_BLOCK);
                fill(header.getRow(1).getCell(1), List.of(DATE_LINE));
                paragraphs(doc, MIDDLE, ParagraphAlignment.BOTH);
                XWPFTable footer = borderless(doc.createTable(1, 2));
                fill(footer.getRow(0).getCell(0), RECIPIENTS);
                fill(footer.getRow(0).getCell(1), SIGNATURE);
            } else {
                paragraphs(doc, ORG, ParagraphAlignment.LEFT);
                paragraphs(doc, NUMBER_BLOCK, ParagraphAlignment.LEFT);
                paragraphs(doc, NATIONAL_TITLE, ParagraphAlignment.RIGHT);
                paragraphs(doc, List.of(DATE_LINE), ParagraphAlignment.RIGHT);
                paragraphs(doc, MIDDLE, ParagraphAlignment.BOTH);
                paragraphs(doc, SIGNATURE, ParagraphAlignment.RIGHT);
                paragraphs(doc, RECIPIENTS, ParagraphAlignment.LEFT);
            }
            doc.write(out);
        }
    }

    /** {@code main(outputDirectory)}: writes decree30-table.docx and decree30-flat.docx there. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(dir);
        for (DocTemplate t : values()) {
            Path file = dir.resolve(t.baseName + ".docx");
            try (OutputStream out = Files.newOutputStream(file)) {
                t.writeDocx(out);
            }
            System.out.println(file);
        }
    }

    private static XWPFTable borderless(XWPFTable table) {
        table.removeBorders();
        return table;
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

    private static List<String> slots(String name, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add("{{" + name + i + "}}");
        }
        return out;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> out = new ArrayList<>();
        for (List<String> p : parts) {
            out.addAll(p);
        }
        return List.copyOf(out);
    }
}
