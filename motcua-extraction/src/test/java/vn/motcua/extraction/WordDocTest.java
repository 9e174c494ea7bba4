package vn.motcua.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;

import org.apache.poi.hwpf.HWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.motcua.extraction.corpus.Corpus;
import vn.motcua.extraction.corpus.CorpusFiles;
import vn.motcua.extraction.corpus.DocTemplate;
import vn.motcua.extraction.corpus.DocWriter;
import vn.motcua.extraction.corpus.Layout;
import vn.motcua.extraction.corpus.LegacyEncoders;
import vn.motcua.extraction.corpus.Spec;
import vn.motcua.extraction.legacy.LegacyEncoding;

/**
 * Real Word 97-2003 (.doc) files through the facade (issue #4): written at test time from the committed templates
 * with POI HWPF, read back by Tika's OfficeParser. Media type, summary information, text in order, first page, NFC,
 * every header field, legacy-encoded text.
 */
class WordDocTest {

    private static final String MSWORD = "application/msword";
    private static final List<String> TYPES = List.of("quyet-dinh", "cong-van", "thong-bao", "giay-moi", "to-trinh",
            "ke-hoach");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DocTemplate.class)
    void committedTemplateIsAWordFileHoldingEveryPlaceholderOnce(DocTemplate template) throws IOException {
        byte[] bytes;
        try (InputStream in = WordDocTest.class.getResourceAsStream(template.resource())) {
            assertThat(in).as(template.resource()).isNotNull();
            bytes = in.readAllBytes();
        }
        assertThat(bytes.length).isBetween(4_096, 64 * 1_024);
        try (HWPFDocument doc = new HWPFDocument(new ByteArrayInputStream(bytes))) {
            // 0xA5EC: the magic number of a Word binary file's FIB
            assertThat(doc.getFileInformationBlock().getFibBase().getWIdent() & 0xFFFF).isEqualTo(0xA5EC);
            String text = doc.getRange().text();
            for (String placeholder : DocTemplate.placeholders()) {
                assertThat(count(text, placeholder)).as(placeholder).isEqualTo(1);
            }
            Matcher any = DocTemplate.PLACEHOLDER.matcher(text);
            List<String> found = new ArrayList<>();
            while (any.find()) {
                found.add(any.group());
            }
            assertThat(found).containsExactlyInAnyOrderElementsOf(DocTemplate.placeholders());
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: {{NUMBER}}", "Nơi nhận:",
                    "{{PLACE}}, ngày {{DD}} tháng {{MM}} năm {{YYYY}}");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Layout.class, names = {"DOC_TABLE", "DOC_FLAT"})
    void everyDocumentTypeGivesMediaTypeMetadataOrderedTextAndEveryHeaderField(Layout layout) throws IOException {
        for (String id : TYPES) {
            Spec spec = spec(id);
            ExtractionResult r = extract(CorpusFiles.write(spec, layout, UnaryOperator.identity(), dir));
            String where = id + " " + layout;
            assertThat(r.status()).as(where).isEqualTo(Status.OK);
            assertThat(r.message().key()).isEqualTo("status.OK");
            assertThat(r.mediaType()).as(where).contains(MSWORD);
            assertThat(r.metadata().title()).as(where).contains(id);
            assertThat(r.metadata().author()).as(where).contains(DocWriter.AUTHOR);
            assertThat(r.metadata().created()).as(where).contains(DocWriter.CREATED);
            assertThat(r.metadata().modified()).as(where).contains(DocWriter.SAVED);
            assertThat(r.language()).as(where).contains("vi");
            assertThat(Normalizer.isNormalized(r.text(), Normalizer.Form.NFC)).as(where).isTrue();
            assertThat(r.legacyEncoding()).as(where).isEmpty();
            assertThat(r.text()).as(where).doesNotContain("{{").doesNotContain("\r").doesNotContain("\u0007");
            assertThat(r.firstPage()).as(where + ": a short document is all first page").isEqualTo(r.text());
            assertInOrder(where, r.text(), readingOrder(spec, layout));
            assertThat(CorpusTest.actual(r.header())).as(where).isEqualTo(CorpusTest.expected(spec));
        }
    }

    @Test
    void longDocumentHasTheHeaderOnItsFirstPageAndTheSignatureAfterIt() throws IOException {
        Spec report = spec("bao-cao");
        assertThat(report.fillerParagraphs()).isGreaterThan(40);
        ExtractionResult r = extract(CorpusFiles.write(report, Layout.DOC_FLAT, UnaryOperator.identity(), dir));
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.text().length()).isGreaterThan(Extraction.FIRST_PAGE_CHARS * 2);
        assertThat(r.text()).startsWith(r.firstPage());
        assertThat(r.firstPage().length()).isBetween(Extraction.FIRST_PAGE_CHARS, Extraction.FIRST_PAGE_CHARS + 300);
        assertThat(r.firstPage()).endsWith("\n").contains("BÁO CÁO", "Số: 215/BC-UBND", "ngày 30 tháng 9 năm 2022")
                .doesNotContain("Hoàng Văn Em");
        // the filler paragraphs share one slot through Word line breaks: each must still be its own line
        assertThat(r.text()).contains("\nNội dung chi tiết, phần 2: ", "\nNội dung chi tiết, phần 60: ");
        assertThat(CorpusTest.actual(r.header())).isEqualTo(CorpusTest.expected(report));
    }

    @Test
    void summaryInformationAsLibreOfficeLeftItHasNoLastSavedDate() throws IOException {
        Instant templateCreated;
        try (InputStream in = WordDocTest.class.getResourceAsStream(DocTemplate.DECREE_TABLE.resource());
                HWPFDocument template = new HWPFDocument(in)) {
            templateCreated = template.getSummaryInformation().getCreateDateTime().toInstant();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (HWPFDocument doc = DocWriter.fill(spec("thong-bao"), DocTemplate.DECREE_TABLE, UnaryOperator.identity())) {
            doc.write(out);
        }
        ExtractionResult r = Extraction.extract(new ByteArrayInputStream(out.toByteArray()), "tb.doc",
                Limits.defaults());
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.metadata().title()).contains("Mẫu văn bản hành chính (Nghị định 30/2020)");
        assertThat(r.metadata().author()).contains("MotCua test corpus");
        assertThat(r.metadata().created()).contains(templateCreated);
        // LibreOffice stores "never saved" as FILETIME 0, which must not come out as 1 January 1601
        assertThat(r.metadata().modified()).isEmpty();
        assertThat(r.header().number().orElseThrow().value()).isEqualTo("37");
    }

    @ParameterizedTest
    @EnumSource(value = LegacyEncoding.class, names = {"TCVN3", "VNI"})
    void legacyEncodedTextInADocIsDetectedAndConverted(LegacyEncoding encoding) throws IOException {
        Spec invitation = spec("giay-moi");
        UnaryOperator<String> encode = encoding == LegacyEncoding.TCVN3 ? LegacyEncoders::toTcvn3
                : LegacyEncoders::toVni;
        Spec spec = invitation.withId("giay-moi-" + encoding.name().toLowerCase(Locale.ROOT));
        Path file = CorpusFiles.write(spec, Layout.DOC_FLAT, encode, dir);
        try (InputStream in = Files.newInputStream(file); HWPFDocument doc = new HWPFDocument(in)) {
            // the file itself holds the legacy text, as a .doc typed with a .VnTime / VNI-Times font does
            assertThat(doc.getRange().text()).contains(encode.apply("GIẤY MỜI"), encode.apply("Võ Văn Hùng"))
                    .doesNotContain("GIẤY MỜI").doesNotContain("Võ Văn Hùng");
        }
        ExtractionResult r = extract(file);
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.mediaType()).contains(MSWORD);
        assertThat(r.legacyEncoding()).contains(encoding);
        assertThat(r.text()).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "GIẤY MỜI", "Võ Văn Hùng",
                "Hội trường UBND thị xã Ayun Pa");
        assertThat(Normalizer.isNormalized(r.text(), Normalizer.Form.NFC)).isTrue();
        assertThat(CorpusTest.actual(r.header())).isEqualTo(CorpusTest.expected(spec));
    }

    /** The lines of a spec in the order the layout puts them in the file. */
    private static List<String> readingOrder(Spec spec, Layout layout) {
        List<String> org = spec.orgLines();
        List<String> national = spec.nationalTitle()
                ? List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc") : List.of();
        List<String> number = new ArrayList<>(List.of("Số: " + spec.expectedNumber() + "/" + spec.expectedSymbol()));
        List<String> middle = new ArrayList<>();
        if (spec.summaryInHeader()) {
            number.addAll(spec.summaryLines());
        } else {
            middle.add(spec.typeLine());
            middle.addAll(spec.summaryLines());
        }
        middle.addAll(spec.bodyLines());
        List<String> date = List.of(spec.expectedPlace() + ", ngày ");
        List<String> signature = spec.signatureLines().stream().filter(s -> !s.isEmpty()).toList();
        List<String> recipients = spec.recipientLines();
        List<List<String>> blocks = layout == Layout.DOC_TABLE
                ? List.of(org, national, number, date, middle, recipients, signature)
                : List.of(org, number, national, date, middle, signature, recipients);
        return blocks.stream().flatMap(List::stream).toList();
    }

    /** Each line starts a line of the text, after the previous one. */
    private static void assertInOrder(String where, String text, List<String> lines) {
        int from = 0;
        for (String line : lines) {
            int at = text.indexOf(line, from);
            assertThat(at).as(where + ": <" + line + "> after offset " + from).isGreaterThanOrEqualTo(0);
            assertThat(at == 0 || text.charAt(at - 1) == '\n' || text.charAt(at - 1) == '\t')
                    .as(where + ": <" + line + "> starts a line").isTrue();
            from = at + line.length();
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    static Spec spec(String id) {
        return Corpus.specs().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static ExtractionResult extract(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Extraction.extract(in, file.getFileName().toString(), Limits.defaults());
        }
    }
}
