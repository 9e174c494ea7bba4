package vn.motcua.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

import vn.motcua.extraction.corpus.Corpus;
import vn.motcua.extraction.corpus.CorpusFiles;
import vn.motcua.extraction.corpus.Layout;
import vn.motcua.extraction.corpus.PdfWriter;
import vn.motcua.extraction.corpus.Spec;

/**
 * Benchmark harness (run by {@code -Pbench}, never by the default build): header-only vs full extraction of a
 * generated 300-page PDF, full extraction vs plain Tika on the same file, and documents per second on two threads
 * for a mixed set of 1–5 page PDFs and DOCX files. Prints medians.
 */
public final class ExtractionBench {

    private static final int LONG_PAGES = 300;
    private static final int THREADS = 2;

    private ExtractionBench() {
    }

    public static void main(String[] args) throws Exception {
        if (!PdfWriter.fontAvailable()) {
            System.out.println("SKIPPED: Liberation Serif not found at " + PdfWriter.FONT + " (Debian fonts-liberation2)");
            return;
        }
        Path dir = Files.createTempDirectory("motcua-bench-");
        try {
            longDocument(dir);
            throughput(dir);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void longDocument(Path dir) throws Exception {
        Spec report = Corpus.specs().stream().filter(s -> s.id().equals("bao-cao")).findFirst().orElseThrow();
        Path file = CorpusFiles.writeLongPdf(report, LONG_PAGES, dir);
        ExtractionResult check = run(file, true);
        System.out.printf(Locale.ROOT, "%d-page PDF: %d bytes, %s pages, header signer %s%n", LONG_PAGES,
                Files.size(file), check.metadata().pageCount().orElse(-1),
                check.header().signerName().map(f -> f.value()).orElse("?"));

        double plain = median(5, () -> plainTika(file));
        double full = median(5, () -> run(file, false));
        double header = median(15, () -> run(file, true));
        System.out.printf(Locale.ROOT, "plain Tika (AutoDetectParser + BodyContentHandler): %8.1f ms%n", plain);
        System.out.printf(Locale.ROOT, "Extraction.extract (full):                          %8.1f ms  = %.2fx plain Tika%n",
                full, full / plain);
        System.out.printf(Locale.ROOT, "Extraction.extractHeader (page 1 + last pages):     %8.1f ms  = %.1f%% of plain Tika%n",
                header, 100 * header / plain);
    }

    private static void throughput(Path dir) throws Exception {
        List<Path> files = new ArrayList<>();
        int[] fillers = {0, 40, 90, 140, 190};
        int i = 0;
        for (Spec spec : Corpus.specs()) {
            for (Layout layout : Layout.values()) {
                if (layout.extension.equals("doc")) {
                    continue; // the mixed set's published figures are for PDF and DOCX
                }
                Spec sized = spec.withFiller(fillers[i++ % fillers.length]);
                files.add(CorpusFiles.write(sized, layout, UnaryOperator.identity(), dir));
            }
        }
        long pdfs = files.stream().filter(f -> f.toString().endsWith(".pdf")).count();
        System.out.printf(Locale.ROOT, "Mixed set: %d documents (%d PDF, %d DOCX, 1-5 pages), %d threads%n",
                files.size(), pdfs, files.size() - pdfs, THREADS);
        for (boolean headerOnly : new boolean[] {false, true}) {
            rate(files, headerOnly, 2);
            double docsPerSecond = rate(files, headerOnly, 10);
            System.out.printf(Locale.ROOT, "  %-28s %8.1f documents/second%n",
                    headerOnly ? "extractHeader:" : "extract (full):", docsPerSecond);
        }
    }

    private static double rate(List<Path> files, boolean headerOnly, int rounds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            long start = System.nanoTime();
            List<Future<ExtractionResult>> futures = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                for (Path f : files) {
                    futures.add(pool.submit(() -> run(f, headerOnly)));
                }
            }
            for (Future<ExtractionResult> f : futures) {
                if (!f.get().ok()) {
                    throw new IllegalStateException("bench document failed: " + f.get().message().en());
                }
            }
            return futures.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static ExtractionResult run(Path file, boolean headerOnly) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            String name = file.getFileName().toString();
            return headerOnly ? Extraction.extractHeader(in, name, Limits.defaults())
                    : Extraction.extract(in, name, Limits.defaults());
        }
    }

    private static String plainTika(Path file) throws Exception {
        BodyContentHandler handler = new BodyContentHandler(-1);
        try (InputStream in = Files.newInputStream(file)) {
            new AutoDetectParser().parse(in, handler, new Metadata(), new ParseContext());
        }
        return handler.toString();
    }

    private interface Task {
        Object run() throws Exception;
    }

    /** Median wall time in milliseconds after two warm-up runs. */
    private static double median(int runs, Task task) throws Exception {
        task.run();
        task.run();
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            task.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }
}
