package vn.motcua.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.extraction.corpus.Corpus;
import vn.motcua.extraction.corpus.CorpusFiles;
import vn.motcua.extraction.corpus.Layout;
import vn.motcua.extraction.corpus.LegacyEncoders;
import vn.motcua.extraction.corpus.PdfWriter;
import vn.motcua.extraction.corpus.Spec;
import vn.motcua.extraction.header.DocumentHeader;
import vn.motcua.extraction.header.Field;
import vn.motcua.extraction.legacy.LegacyEncoding;

/**
 * The generated corpus: seven document types in seven layouts (DOCX, PDF, Word 97-2003), plus legacy-encoded variants,
 * written by this test with POI and PDFBox, read back through the facade; every header field compared exactly, precision and recall
 * printed.
 */
class CorpusTest {

    @TempDir
    Path dir;

    private int truePositives;
    private int falsePositives;
    private int falseNegatives;
    private final List<String> mismatches = new ArrayList<>();

    @Test
    void everyFieldOfEveryGeneratedDocumentIsExtractedExactly() throws IOException {
        assumeTrue(PdfWriter.fontAvailable(),
                () -> print("SKIPPED: Liberation Serif not found at " + PdfWriter.FONT + " (Debian fonts-liberation2)"));
        int documents = 0;
        for (Spec spec : Corpus.specs()) {
            for (Layout layout : Layout.values()) {
                Path file = CorpusFiles.write(spec, layout, UnaryOperator.identity(), dir);
                check(spec, file, Optional.empty());
                documents++;
            }
        }
        Map<Spec, Object[]> legacy = new LinkedHashMap<>();
        legacy.put(legacySpec("quyet-dinh"), new Object[] {LegacyEncoding.TCVN3, Layout.DOCX_PARAGRAPHS});
        legacy.put(legacySpec("to-trinh"), new Object[] {LegacyEncoding.TCVN3, Layout.PDF_COLUMNS});
        legacy.put(legacySpec("cong-van"), new Object[] {LegacyEncoding.VNI, Layout.PDF_LINES});
        legacy.put(legacySpec("bao-cao"), new Object[] {LegacyEncoding.VNI, Layout.DOCX_TABLE});
        legacy.put(legacySpec("giay-moi"), new Object[] {LegacyEncoding.VIQR, Layout.DOCX_TABLE});
        legacy.put(legacySpec("thong-bao"), new Object[] {LegacyEncoding.VIQR, Layout.PDF_LINES});
        legacy.put(legacySpec("ke-hoach"), new Object[] {LegacyEncoding.TCVN3, Layout.DOC_TABLE});
        for (Map.Entry<Spec, Object[]> e : legacy.entrySet()) {
            LegacyEncoding encoding = (LegacyEncoding) e.getValue()[0];
            Layout layout = (Layout) e.getValue()[1];
            Spec spec = e.getKey().withId(e.getKey().id() + "-" + encoding.name().toLowerCase(java.util.Locale.ROOT));
            Path file = CorpusFiles.write(spec, layout, encoder(encoding), dir);
            check(spec, file, Optional.of(encoding));
            documents++;
        }
        double precision = truePositives / (double) (truePositives + falsePositives);
        double recall = truePositives / (double) (truePositives + falseNegatives);
        print(String.format(java.util.Locale.ROOT,
                "Header parser over %d generated documents (%d extractions): precision %.3f, recall %.3f"
                        + " (%d correct, %d wrong or unexpected, %d missed)",
                documents, extractions, precision, recall, truePositives, falsePositives, falseNegatives));
        assertThat(mismatches).as("fields that differ from the expected values").isEmpty();
    }

    private int extractions;

    private void check(Spec spec, Path file, Optional<LegacyEncoding> encoding) throws IOException {
        String name = file.getFileName().toString();
        List<ExtractionResult> results = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            results.add(Extraction.extract(in, name, Limits.defaults()));
        }
        if (name.endsWith(".pdf")) {
            try (InputStream in = Files.newInputStream(file)) {
                results.add(Extraction.extractHeader(in, name, Limits.defaults()));
            }
        }
        for (ExtractionResult r : results) {
            extractions++;
            String where = name + (r.partialText() ? " (header pages)" : "");
            if (!r.ok()) {
                mismatches.add(where + ": status " + r.status() + " " + r.message().en());
                falseNegatives += expected(spec).values().stream().filter(Objects::nonNull).count();
                continue;
            }
            if (!r.legacyEncoding().equals(encoding)) {
                mismatches.add(where + ": legacy encoding " + r.legacyEncoding() + ", expected " + encoding);
            }
            Map<String, Object> actual = actual(r.header());
            for (Map.Entry<String, Object> e : expected(spec).entrySet()) {
                Object want = e.getValue();
                Object got = actual.get(e.getKey());
                if (Objects.equals(want, got)) {
                    truePositives += want != null ? 1 : 0;
                } else {
                    if (System.getProperty("corpus.debug") != null) {
                        System.out.println("=== " + where + "\n" + r.text());
                    }
                    if (got != null) {
                        falsePositives++;
                    }
                    if (want != null) {
                        falseNegatives++;
                    }
                    mismatches.add(where + ": " + e.getKey() + " = <" + got + ">, expected <" + want + ">");
                }
            }
            checkSpans(where, r);
        }
    }

    /** Every field's span must be the exact text it claims to come from. */
    private void checkSpans(String where, ExtractionResult r) {
        DocumentHeader h = r.header();
        for (Optional<? extends Field<?>> f : List.of(h.nationalTitle(), h.issuingBodyParent(), h.issuingBody(),
                h.number(), h.symbol(), h.documentType(), h.place(), h.date(), h.summary(), h.signerAuthority(),
                h.signerOnBehalfOf(), h.signerTitle(), h.signerName(), h.recipients())) {
            f.ifPresent(field -> {
                if (!r.text().substring(field.start(), field.end()).equals(field.source())
                        || field.confidence() <= 0 || field.confidence() > 1) {
                    mismatches.add(where + ": bad span or confidence for " + field);
                }
            });
        }
    }

    /** The fields a spec promises, by name; shared with the other corpus tests. */
    static Map<String, Object> expected(Spec s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nationalTitle", s.nationalTitle());
        m.put("parent", s.expectedParent());
        m.put("body", s.expectedBody());
        m.put("number", s.expectedNumber());
        m.put("symbol", s.expectedSymbol());
        m.put("type", s.expectedType());
        m.put("place", s.expectedPlace());
        m.put("date", s.expectedDate());
        m.put("summary", s.expectedSummary());
        m.put("authority", s.authority());
        m.put("onBehalfOf", s.onBehalfOf());
        m.put("signerTitle", s.signerTitle());
        m.put("signerName", s.signerName());
        m.put("recipients", s.recipients());
        return m;
    }

    static Map<String, Object> actual(DocumentHeader h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nationalTitle", h.hasNationalTitle());
        m.put("parent", value(h.issuingBodyParent()));
        m.put("body", value(h.issuingBody()));
        m.put("number", value(h.number()));
        m.put("symbol", value(h.symbol()));
        m.put("type", value(h.documentType()));
        m.put("place", value(h.place()));
        m.put("date", value(h.date()));
        m.put("summary", value(h.summary()));
        m.put("authority", value(h.signerAuthority()));
        m.put("onBehalfOf", value(h.signerOnBehalfOf()));
        m.put("signerTitle", value(h.signerTitle()));
        m.put("signerName", value(h.signerName()));
        m.put("recipients", value(h.recipients()));
        return m;
    }

    private static Object value(Optional<? extends Field<?>> f) {
        return f.map(Field::value).orElse(null);
    }

    private static Spec legacySpec(String id) {
        return Corpus.specs().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static UnaryOperator<String> encoder(LegacyEncoding e) {
        return switch (e) {
            case TCVN3 -> LegacyEncoders::toTcvn3;
            case VNI -> LegacyEncoders::toVni;
            case VIQR -> LegacyEncoders::toViqr;
        };
    }

    private static String print(String line) {
        System.out.println(line);
        return line;
    }
}
