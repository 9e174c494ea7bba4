package vn.motcua.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Third-party PDFs from the shared signature corpus (signed, incrementally updated, corrupted, encrypted): every one
 * gets a typed result in both paths, never an exception, and text that is NFC.
 */
class SharedPdfCorpusTest {

    @Test
    void everyThirdPartyPdfGetsATypedResult() throws IOException {
        Path corpus = Path.of(System.getProperty("motcua.shared", "../shared")).resolve("sigcorpus");
        assumeTrue(Files.isDirectory(corpus), () -> {
            String line = "SKIPPED: shared signature corpus not found at " + corpus.toAbsolutePath();
            System.out.println(line);
            return line;
        });
        List<Path> pdfs;
        try (Stream<Path> files = Files.walk(corpus)) {
            pdfs = files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
        assertThat(pdfs).isNotEmpty();
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Path pdf : pdfs) {
            for (boolean headerOnly : new boolean[] {false, true}) {
                ExtractionResult r;
                try (InputStream in = Files.newInputStream(pdf)) {
                    String name = pdf.getFileName().toString();
                    r = headerOnly ? Extraction.extractHeader(in, name, Limits.defaults())
                            : Extraction.extract(in, name, Limits.defaults());
                }
                counts.merge(r.status(), 1, Integer::sum);
                assertThat(r.status()).as(pdf.toString()).isIn(Status.OK, Status.ENCRYPTED, Status.DAMAGED);
                assertThat(r.message().vi()).isNotBlank();
                assertThat(Normalizer.isNormalized(r.text(), Normalizer.Form.NFC)).isTrue();
                if (pdf.getFileName().toString().contains("encrypted-pubkey")) {
                    assertThat(r.status()).as(pdf.toString()).isEqualTo(Status.ENCRYPTED);
                }
            }
        }
        System.out.println("Shared PDF corpus: " + pdfs.size() + " files, results of both paths " + counts);
    }
}
