package vn.motcua.extraction.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Range;

/**
 * Writes a {@link Spec} as a real Word 97-2003 file: the committed {@link DocTemplate} with its placeholders replaced
 * through POI HWPF, and title, author and dates set in its summary information. Slots a document does not use (a
 * third summary line, a fifth recipient) are removed with their paragraph mark, so no blank line is left behind.
 */
public final class DocWriter {

    public static final String AUTHOR = "Văn thư";
    /** Fixed dates, so that the metadata read back can be compared exactly. */
    public static final Instant CREATED = Instant.parse("2022-10-27T01:30:00Z");
    public static final Instant SAVED = Instant.parse("2022-10-27T02:45:00Z");

    private static final char PARAGRAPH_END = '\r';
    private static final char CELL_END = '\u0007';
    /** Word's manual line break (Shift+Enter): extra paragraphs share the last free body slot through it. */
    private static final char LINE_BREAK = '\u000b';

    private DocWriter() {
    }

    /** The spec as .doc; title = the spec id, author {@link #AUTHOR}, created {@link #CREATED}, saved {@link #SAVED}. */
    public static void write(Spec spec, DocTemplate template, UnaryOperator<String> encode, OutputStream out)
            throws IOException {
        try (HWPFDocument doc = fill(spec, template, encode)) {
            SummaryInformation info = doc.getSummaryInformation();
            info.setTitle(spec.id());
            info.setAuthor(AUTHOR);
            info.setCreateDateTime(Date.from(CREATED));
            info.setLastSaveDateTime(Date.from(SAVED));
            doc.write(out);
        }
    }

    /** The template filled with the spec's text, summary information as LibreOffice left it; the caller closes it. */
    public static HWPFDocument fill(Spec spec, DocTemplate template, UnaryOperator<String> encode) throws IOException {
        HWPFDocument doc;
        try (InputStream in = template.open()) {
            doc = new HWPFDocument(in);
        }
        if (!spec.nationalTitle()) {
            for (String line : DocTemplate.NATIONAL_TITLE) {
                removeLine(doc, line);
            }
        }
        // The fixed text first, while every line of the template is still unique.
        for (String line : List.of(DocTemplate.NATIONAL_TITLE.get(0), DocTemplate.NATIONAL_TITLE.get(1),
                DocTemplate.NUMBER_LINE, DocTemplate.DATE_LINE, DocTemplate.RECIPIENTS_TITLE, DocTemplate.SIGNED)) {
            String encoded = encode.apply(line);
            if (!encoded.equals(line) && doc.getRange().text().contains(line)) {
                replace(doc, line, encoded);
            }
        }
        for (Map.Entry<String, String> slot : values(spec).entrySet()) {
            if (slot.getValue().isEmpty()) {
                removeLine(doc, slot.getKey());
            } else {
                replace(doc, slot.getKey(), encode.apply(slot.getValue()));
            }
        }
        return doc;
    }

    /** What each placeholder becomes; an empty value removes the placeholder's line. */
    static Map<String, String> values(Spec spec) {
        Map<String, String> v = new LinkedHashMap<>();
        if (spec.orgLines().size() != DocTemplate.ORG.size()) {
            throw new IllegalArgumentException(spec.id() + ": the templates have two issuing-body lines");
        }
        v.put("{{ORG1}}", spec.orgLines().get(0));
        v.put("{{ORG2}}", spec.orgLines().get(1));
        v.put("{{NUMBER}}", spec.expectedNumber() + "/" + spec.expectedSymbol());
        slots(v, "VV", spec.summaryInHeader() ? spec.summaryLines() : List.of(), DocTemplate.SUMMARY_SLOTS, spec);
        LocalDate date = spec.expectedDate();
        v.put("{{PLACE}}", spec.expectedPlace());
        // Decree 30, Appendix I: days below 10 and the months 1 and 2 are written with a leading zero.
        v.put("{{DD}}", (date.getDayOfMonth() < 10 ? "0" : "") + date.getDayOfMonth());
        v.put("{{MM}}", (date.getMonthValue() < 3 ? "0" : "") + date.getMonthValue());
        v.put("{{YYYY}}", String.valueOf(date.getYear()));
        v.put("{{TYPE}}", spec.typeLine() == null ? "" : spec.typeLine());
        slots(v, "SUMMARY", spec.summaryInHeader() ? List.of() : spec.summaryLines(), DocTemplate.SUMMARY_SLOTS,
                spec);
        List<String> body = new ArrayList<>(spec.bodyLines());
        if (spec.fillerParagraphs() > 0) {
            if (body.size() >= DocTemplate.BODY_SLOTS) {
                throw new IllegalArgumentException(spec.id() + ": no free body slot for the filler paragraphs");
            }
            StringBuilder filler = new StringBuilder();
            for (String line : Page.filler(spec.fillerParagraphs())) {
                filler.append(filler.length() == 0 ? "" : String.valueOf(LINE_BREAK)).append(line);
            }
            body.add(filler.toString());
        }
        slots(v, "BODY", body, DocTemplate.BODY_SLOTS, spec);
        List<String> recipients = spec.recipientLines();
        slots(v, "RECIPIENT", recipients.subList(1, recipients.size()), DocTemplate.RECIPIENT_SLOTS, spec);
        v.put("{{AUTHORITY}}", spec.authority() == null ? "" : spec.authority().name() + ". " + spec.onBehalfOf());
        v.put("{{SIGNER_TITLE}}", spec.signerTitle() == null ? "" : spec.signerTitle());
        v.put("{{SIGNER_NAME}}", spec.signerName());
        return v;
    }

    private static void slots(Map<String, String> v, String name, List<String> lines, int count, Spec spec) {
        if (lines.size() > count) {
            throw new IllegalArgumentException(spec.id() + ": " + lines.size() + " " + name + " lines, the templates"
                    + " have " + count);
        }
        for (int i = 0; i < count; i++) {
            v.put("{{" + name + (i + 1) + "}}", i < lines.size() ? lines.get(i) : "");
        }
    }

    /**
     * Removes a whole line: with its own paragraph mark where it has one, else (last paragraph of a table cell, whose
     * mark is the cell mark) with the mark of the paragraph before it; the sole paragraph of a cell is only emptied.
     */
    private static void removeLine(HWPFDocument doc, String line) {
        String text = doc.getRange().text();
        if (text.contains(line + PARAGRAPH_END)) {
            replace(doc, line + PARAGRAPH_END, "");
        } else if (text.contains(PARAGRAPH_END + line + CELL_END)) {
            replace(doc, PARAGRAPH_END + line, "");
        } else {
            replace(doc, line, "");
        }
    }

    private static void replace(HWPFDocument doc, String from, String to) {
        Range range = doc.getRange();
        if (!range.text().contains(from)) {
            throw new IllegalStateException("the template has no " + from.replace("\r", "\\r"));
        }
        range.replaceText(from, to);
    }
}
