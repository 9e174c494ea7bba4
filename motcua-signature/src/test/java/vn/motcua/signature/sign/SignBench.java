package vn.motcua.signature.sign;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import vn.motcua.signature.Signatures;
import vn.motcua.signature.testpki.TestPki;

/**
 * Signing time per document size and level, next to hashing the file alone (the floor). Run by the bench profile:
 * {@code ./mvnw -Pbench -pl motcua-signature verify -DskipTests}. The TSA and OCSP responder are the in-process test
 * PKI on 127.0.0.1, so B-T and B-LT figures exclude real network latency.
 */
public final class SignBench {

    private SignBench() {
    }

    public static void main(String[] args) throws Exception {
        try (TestPki pki = TestPki.start()) {
            SigningKey key = PadesSigningTest.key(pki.signer());
            URI tsa = URI.create(pki.tsaUrl());
            Map<String, SignOptions> levels = new java.util.LinkedHashMap<>();
            levels.put("B-B RSA-PSS", SignOptions.defaults());
            levels.put("B-T RSA-PSS", SignOptions.builder().level(SignatureLevel.B_T).tsaUrl(tsa).build());
            levels.put("B-LT RSA-PSS", SignOptions.builder().level(SignatureLevel.B_LT).tsaUrl(tsa).build());
            System.out.println("Signing (median of runs, ms; JVM " + System.getProperty("java.version") + ", "
                    + Runtime.getRuntime().availableProcessors() + " CPUs)");
            System.out.printf("%-10s %-14s %10s %10s%n", "size", "level", "sign ms", "SHA-256 ms");
            for (int size : List.of(100 * 1024, 1024 * 1024, 10 * 1024 * 1024)) {
                byte[] pdf = pdfOfSize(size);
                int runs = size >= 10 * 1024 * 1024 ? 5 : 20;
                double floor = median(runs, () -> MessageDigest.getInstance("SHA-256").digest(pdf));
                for (var e : levels.entrySet()) {
                    for (int i = 0; i < 3; i++) {
                        Signatures.sign(pdf, key, e.getValue());
                    }
                    double ms = median(runs, () -> Signatures.sign(pdf, key, e.getValue()));
                    System.out.printf("%-10s %-14s %10.1f %10.1f%n", label(pdf.length), e.getKey(), ms, floor);
                }
            }
        }
    }

    private interface Task {
        Object run() throws Exception;
    }

    private static double median(int runs, Task task) throws Exception {
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            task.run();
            t[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(t);
        return t[runs / 2];
    }

    private static String label(int bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }

    /** A one-page PDF carrying an incompressible attachment, so the file has about the given size. */
    static byte[] pdfOfSize(int size) throws Exception {
        byte[] random = new byte[size];
        new Random(42).nextBytes(random);
        try (PDDocument doc = Loader.loadPDF(Fixtures.samplePdf(1)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDEmbeddedFile file = new PDEmbeddedFile(doc, new ByteArrayInputStream(random));
            file.setSubtype("application/octet-stream");
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("data.bin");
            spec.setEmbeddedFile(file);
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of("data.bin", spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            doc.getDocumentCatalog().setNames(names);
            doc.save(out);
            return out.toByteArray();
        }
    }
}
