package vn.motcua.extraction.corpus;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** Writes corpus documents to files. */
public final class CorpusFiles {

    private CorpusFiles() {
    }

    public static Path write(Spec spec, Layout layout, UnaryOperator<String> encode, Path dir) throws IOException {
        Path file = dir.resolve(spec.id() + "-" + layout.name().toLowerCase(java.util.Locale.ROOT) + "."
                + layout.extension);
        Page page = Page.of(spec, encode);
        try (OutputStream out = Files.newOutputStream(file)) {
            switch (layout) {
                case DOCX_TABLE -> DocxWriter.write(page, true, spec.id(), out);
                case DOCX_PARAGRAPHS -> DocxWriter.write(page, false, spec.id(), out);
                case PDF_COLUMNS -> PdfWriter.write(page, false, false, spec.id(), out);
                case PDF_COLUMNS_RIGHT_FIRST -> PdfWriter.write(page, false, true, spec.id(), out);
                case PDF_LINES -> PdfWriter.write(page, true, false, spec.id(), out);
                case DOC_TABLE -> DocWriter.write(spec, DocTemplate.DECREE_TABLE, encode, out);
                case DOC_FLAT -> DocWriter.write(spec, DocTemplate.FLAT, encode, out);
            }
        }
        return file;
    }

    /** A PDF of the given number of pages with the spec's header on page 1 and its signature on the last page. */
    public static Path writeLongPdf(Spec spec, int pages, Path dir) throws IOException {
        Path file = dir.resolve(spec.id() + "-" + pages + "p.pdf");
        try (OutputStream out = Files.newOutputStream(file)) {
            PdfWriter.writeLong(Page.of(spec, UnaryOperator.identity()), pages, out);
        }
        return file;
    }
}
