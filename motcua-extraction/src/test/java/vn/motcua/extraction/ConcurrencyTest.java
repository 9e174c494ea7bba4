package vn.motcua.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.extraction.corpus.Corpus;
import vn.motcua.extraction.corpus.CorpusFiles;
import vn.motcua.extraction.corpus.Layout;
import vn.motcua.extraction.corpus.Spec;

/** The facade is shared by the server's request threads: parallel calls give the same results as sequential ones. */
class ConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    void parallelExtractionsGiveTheSameResultsAsSequentialOnes() throws Exception {
        List<Path> files = new ArrayList<>();
        for (Spec spec : Corpus.specs()) {
            files.add(CorpusFiles.write(spec, Layout.DOCX_TABLE, UnaryOperator.identity(), dir));
            files.add(CorpusFiles.write(spec, Layout.DOCX_PARAGRAPHS, UnaryOperator.identity(), dir));
        }
        List<ExtractionResult> sequential = new ArrayList<>();
        for (Path f : files) {
            sequential.add(extract(f));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ExtractionResult>> parallel = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (Path f : files) {
                    parallel.add(pool.submit(() -> extract(f)));
                }
            }
            for (int i = 0; i < parallel.size(); i++) {
                ExtractionResult expected = sequential.get(i % files.size());
                ExtractionResult actual = parallel.get(i).get();
                assertThat(actual.status()).isEqualTo(Status.OK);
                assertThat(actual.text()).isEqualTo(expected.text());
                assertThat(actual.header()).isEqualTo(expected.header());
                assertThat(actual.language()).isEqualTo(expected.language());
            }
        } finally {
            pool.shutdown();
        }
    }

    private static ExtractionResult extract(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Extraction.extract(in, file.getFileName().toString(), Limits.defaults());
        }
    }
}
