package vn.motcua.extraction;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Calendar;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The header-only fast path for PDFs: PDFBox reads page 1 (header) and the last pages (signature block, recipients)
 * without touching the pages in between. Page objects are parsed lazily, so a 300-page file costs about as much as a
 * 3-page one.
 */
final class PdfHeaderPages {

    /** Pages read from the end: the signature block and "Nơi nhận" can spill onto a last, nearly empty page. */
    static final int TAIL_PAGES = 2;

    record Pages(String firstPage, String tail, FileMetadata metadata) {
    }

    private PdfHeaderPages() {
    }

    /** Throws {@link org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException} for protected files. */
    static Pages read(Path file) throws IOException {
        try (PDDocument doc = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()), "", null, null,
                IOUtils.createTempFileOnlyStreamCache())) {
            int pages = doc.getNumberOfPages();
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String first = stripper.getText(doc);
            String tail = "";
            if (pages > 1) {
                stripper.setStartPage(Math.max(2, pages - TAIL_PAGES + 1));
                stripper.setEndPage(pages);
                tail = stripper.getText(doc);
            }
            return new Pages(first, tail, metadata(doc.getDocumentInformation(), pages));
        }
    }

    private static FileMetadata metadata(PDDocumentInformation info, int pages) {
        return new FileMetadata(nonBlank(info.getTitle()), nonBlank(info.getAuthor()), instant(info.getCreationDate()),
                instant(info.getModificationDate()), Optional.of(pages), nonBlank(info.getProducer()));
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    private static Optional<Instant> instant(Calendar c) {
        return c == null ? Optional.empty() : Optional.of(c.toInstant());
    }
}
