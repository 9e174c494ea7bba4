package vn.motcua.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.extraction.corpus.Corpus;
import vn.motcua.extraction.corpus.CorpusFiles;
import vn.motcua.extraction.corpus.Layout;
import vn.motcua.extraction.corpus.PdfWriter;
import vn.motcua.extraction.corpus.Spec;
import vn.motcua.extraction.header.DocumentType;

/**
 * Each promised format read through the facade: media type, metadata, NFC text, language; and no OCR anywhere. Word
 * 97-2003 (.doc) has its own test, {@link WordDocTest}.
 */
class FormatsTest {

    private static final String SENTENCE = "Quyết định về việc phê duyệt danh sách hộ nghèo trên địa bàn thị xã Ayun Pa,"
            + " tỉnh Gia Lai, năm hai nghìn không trăm hai mươi hai.";

    @TempDir
    Path dir;

    @Test
    void pdfGivesTextFirstPageMetadataAndLanguage() throws IOException {
        assumeTrue(PdfWriter.fontAvailable(), () -> skip("Liberation Serif not found at " + PdfWriter.FONT));
        Spec spec = Corpus.specs().get(0);
        Path file = CorpusFiles.write(spec, Layout.PDF_COLUMNS, UnaryOperator.identity(), dir);
        ExtractionResult r = extract(file);
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.mediaType()).contains("application/pdf");
        assertThat(r.metadata().title()).contains(spec.id());
        assertThat(r.metadata().author()).contains("Văn thư");
        assertThat(r.metadata().producer()).contains("MotCua test corpus");
        assertThat(r.metadata().pageCount()).contains(1);
        assertThat(r.metadata().created()).isEmpty();
        assertThat(r.language()).contains("vi");
        assertThat(r.text()).startsWith(r.firstPage()).contains("Nguyễn Văn An");
        assertThat(r.firstPage()).contains("QUYẾT ĐỊNH");
        assertThat(Normalizer.isNormalized(r.text(), Normalizer.Form.NFC)).isTrue();
        assertThat(r.partialText()).isFalse();
        assertThat(r.truncated()).isFalse();
    }

    @Test
    void multiPagePdfSeparatesTheFirstPage() throws IOException {
        assumeTrue(PdfWriter.fontAvailable(), () -> skip("Liberation Serif not found at " + PdfWriter.FONT));
        Spec report = Corpus.specs().stream().filter(s -> s.id().equals("bao-cao")).findFirst().orElseThrow();
        Path file = CorpusFiles.write(report, Layout.PDF_COLUMNS, UnaryOperator.identity(), dir);
        ExtractionResult full = extract(file);
        assertThat(full.metadata().pageCount()).hasValueSatisfying(n -> assertThat(n).isGreaterThan(2));
        assertThat(full.firstPage()).contains("BÁO CÁO").doesNotContain("Hoàng Văn Em");
        assertThat(full.text()).contains("Hoàng Văn Em");

        ExtractionResult header;
        try (InputStream in = Files.newInputStream(file)) {
            header = Extraction.extractHeader(in, file.getFileName().toString(), Limits.defaults());
        }
        assertThat(header.partialText()).isTrue();
        assertThat(header.text().length()).isLessThan(full.text().length());
        assertThat(header.firstPage()).contains("BÁO CÁO", "SỐ: 215/BC-UBND").doesNotContain("Hoàng Văn Em");
        assertThat(header.header().signerName().orElseThrow().value()).isEqualTo("Hoàng Văn Em");
        assertThat(header.metadata().pageCount()).isEqualTo(full.metadata().pageCount());
    }

    @Test
    void pdfWithoutTextLayerIsReadAsEmptyNotScanned() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            doc.save(out);
        }
        ExtractionResult r = extract(out.toByteArray(), "scan.pdf");
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.text()).isBlank();
        assertThat(r.header()).isEqualTo(vn.motcua.extraction.header.DocumentHeader.empty());
        assertThat(r.language()).isEmpty();
    }

    @Test
    void docxGivesTextAndCoreProperties() throws IOException {
        Spec spec = Corpus.specs().get(1);
        Path file = CorpusFiles.write(spec, Layout.DOCX_TABLE, UnaryOperator.identity(), dir);
        ExtractionResult r = extract(file);
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.mediaType()).contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(r.metadata().title()).contains(spec.id());
        assertThat(r.metadata().author()).contains("Văn thư");
        assertThat(r.metadata().created()).isPresent();
        assertThat(r.header().documentType().orElseThrow().value()).isEqualTo(DocumentType.OFFICIAL_LETTER);
        assertThat(r.firstPage()).isEqualTo(r.text());
    }

    @Test
    void xlsx() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("Danh sách").createRow(0).createCell(0).setCellValue(SENTENCE);
            wb.write(out);
        }
        ExtractionResult r = Extraction.extract(new ByteArrayInputStream(out.toByteArray()), "ds.xlsx", Limits.defaults());
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.mediaType()).contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(r.text()).contains(SENTENCE);
    }

    @Test
    void odtWrittenByHand() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            ZipEntry e = new ZipEntry("mimetype");
            e.setMethod(ZipEntry.STORED);
            e.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            e.setCrc(crc.getValue());
            zip.putNextEntry(e);
            zip.write(mimetype);
            put(zip, "META-INF/manifest.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
                    + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                    + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                    + "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>"
                    + "</manifest:manifest>");
            put(zip, "meta.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<office:document-meta xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                    + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.2\">"
                    + "<office:meta><dc:title>Tờ trình khen thưởng</dc:title></office:meta></office:document-meta>");
            put(zip, "content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                    + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
                    + "<office:body><office:text><text:p>" + SENTENCE + "</text:p></office:text></office:body>"
                    + "</office:document-content>");
        }
        ExtractionResult r = Extraction.extract(new ByteArrayInputStream(out.toByteArray()), "tt.odt", Limits.defaults());
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.mediaType()).contains("application/vnd.oasis.opendocument.text");
        assertThat(r.metadata().title()).contains("Tờ trình khen thưởng");
        assertThat(r.text()).contains(SENTENCE);
    }

    @Test
    void rtfWithUnicodeEscapes() {
        StringBuilder rtf = new StringBuilder("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\f0\\uc1 ");
        SENTENCE.codePoints().forEach(cp -> rtf.append(cp < 128 ? String.valueOf((char) cp) : "\\u" + cp + "?"));
        rtf.append("\\par }");
        ExtractionResult r = extract(rtf.toString().getBytes(StandardCharsets.US_ASCII), "qd.rtf");
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.mediaType()).contains("application/rtf");
        assertThat(r.text()).contains(SENTENCE);
    }

    @Test
    void plainTextIsNormalisedToNfc() {
        String decomposed = Normalizer.normalize(SENTENCE, Normalizer.Form.NFD);
        ExtractionResult r = extract(decomposed.getBytes(StandardCharsets.UTF_8), "qd.txt");
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.mediaType()).contains("text/plain");
        assertThat(r.text()).contains(SENTENCE);
        assertThat(r.language()).contains("vi");
    }

    @Test
    void htmlTitleIsMetadataNotText() {
        String html = "<html><head><meta charset=\"utf-8\"><title>Thông báo số 37</title></head><body><p>" + SENTENCE
                + "</p></body></html>";
        ExtractionResult r = extract(html.getBytes(StandardCharsets.UTF_8), "tb.html");
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.mediaType()).contains("text/html");
        assertThat(r.metadata().title()).contains("Thông báo số 37");
        assertThat(r.text()).contains(SENTENCE).doesNotContain("Thông báo số 37");
    }

    @Test
    void xml() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><vanBan><trichYeu>" + SENTENCE + "</trichYeu></vanBan>";
        ExtractionResult r = extract(xml.getBytes(StandardCharsets.UTF_8), "vb.xml");
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.mediaType()).contains("application/xml");
        assertThat(r.text()).contains(SENTENCE);
    }

    @Test
    void noOcrParserIsLoadedOrEvenOnTheClassPath() {
        assertThat(Extraction.parserNames()).isNotEmpty()
                .noneMatch(n -> n.toLowerCase(java.util.Locale.ROOT).contains("ocr"))
                .noneMatch(n -> n.toLowerCase(java.util.Locale.ROOT).contains("tesseract"));
        assertThatThrownBy(() -> Class.forName("org.apache.tika.parser.ocr.TesseractOCRParser"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void theOcrFilterRecognisesOcrParsers() {
        assertThat(TikaEngine.isOcr(new TesseractLikeParser())).isTrue();
        assertThat(TikaEngine.isOcr(new org.apache.tika.parser.pdf.PDFParser())).isFalse();
    }

    /** Stands in for an OCR parser that someone might add to the class path. */
    private static final class TesseractLikeParser extends org.apache.tika.parser.EmptyParser {
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static ExtractionResult extract(byte[] bytes, String name) {
        return Extraction.extract(new ByteArrayInputStream(bytes), name, Limits.defaults());
    }

    private static ExtractionResult extract(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Extraction.extract(in, file.getFileName().toString(), Limits.defaults());
        }
    }

    private static String skip(String why) {
        String line = "SKIPPED: " + why;
        System.out.println(line);
        return line;
    }
}
