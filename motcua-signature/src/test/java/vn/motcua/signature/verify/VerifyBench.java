package vn.motcua.signature.verify;

import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.concurrent.Callable;

import vn.motcua.signature.Signatures;
import vn.motcua.signature.testpki.TestPki;

/**
 * Benchmark (run by the {@code bench} profile, never by {@code verify}): for signed PDFs of 100 KB, 1 MB, 10 MB and
 * 100 MB, the median time of one verification by this module, of hashing the signed byte ranges alone (the floor), and
 * of EU DSS validating the same file in the same JVM. Prints a table; the numbers go into the README.
 */
final class VerifyBench {
    private static final long KB = 1024;
    private static final long MB = 1024 * KB;

    private VerifyBench() {
    }

    public static void main(String[] args) throws Exception {
        long[] sizes = {100 * KB, MB, 10 * MB, 100 * MB};
        Path dir = Files.createTempDirectory("motcua-verify-bench");
        System.out.printf("java %s, %d cores%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%-8s | %-10s | %-10s | %-8s | %-10s | %-10s | %s%n", "size", "floor ms", "ours ms",
                "ours/floor", "DSS ms", "DSS/ours", "verdicts (ours; DSS)");
        try (TestPki pki = TestPki.start()) {
            for (long size : sizes) {
                Path file = SyntheticPdf.write(dir.resolve("bench-" + size + ".pdf"), size, pki.signer());
                try {
                    int runs = size <= MB ? 200 : size <= 10 * MB ? 30 : 6;
                    VerificationReport report = Signatures.verify(file, VerificationOptions.defaults());
                    String ours = report.verdict() + "/" + report.subIndication();
                    String dss = DssBench.verify(file);
                    double floor = median(runs, runs, () -> hashSignedBytes(file, report));
                    double mine = median(runs, runs, () -> Signatures.verify(file, VerificationOptions.defaults()));
                    // DSS takes seconds per large file: fewer runs
                    int dssRuns = size <= MB ? 20 : size <= 10 * MB ? 3 : 1;
                    double theirs = median(dssRuns, dssRuns, () -> DssBench.verify(file));
                    System.out.printf("%-8s | %10.2f | %10.2f | %10.2f | %10.2f | %10.1f | %s; %s%n", label(size),
                            floor, mine, mine / floor, theirs, theirs / mine, ours, dss);
                } finally {
                    Files.deleteIfExists(file);
                }
            }
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    private static String label(long size) {
        return size >= MB ? size / MB + " MB" : size / KB + " KB";
    }

    /** SHA-256 over the signature's byte ranges, read from the file as the verifier does. */
    private static byte[] hashSignedBytes(Path file, VerificationReport report) throws Exception {
        long[] br = report.signatures().get(0).byteRange().stream().mapToLong(Long::longValue).toArray();
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
             OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), md)) {
            PdfVerifier.copyRanges(ch, br, out);
        }
        return md.digest();
    }

    /** Median wall time in milliseconds of {@code runs} runs after {@code warmups} warm-up runs. */
    private static double median(int warmups, int runs, Callable<?> task) throws Exception {
        for (int i = 0; i < warmups; i++) {
            task.call();
        }
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            task.call();
            t[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(t);
        return t[runs / 2];
    }

}
