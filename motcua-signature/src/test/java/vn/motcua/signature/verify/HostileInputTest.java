package vn.motcua.signature.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.signature.Signatures;
import vn.motcua.signature.sign.SignOptions;
import vn.motcua.signature.testpki.TestPki;

/**
 * Hostile input never crashes the verifier and never comes out VALID: truncated and random files, huge /Contents, deep
 * nesting, cross-reference loops; and a 200 MB signed PDF verifies in a JVM limited to 256 MB of heap.
 */
class HostileInputTest {
    private static TestPki pki;
    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        pki = TestPki.start();
    }

    @AfterAll
    static void stop() {
        pki.close();
    }

    /** VERIFIED (report, not VALID) or a typed VerificationException; anything else fails the test. */
    private void assertRefused(byte[] bytes, String name) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, bytes);
        try {
            VerificationReport r = Signatures.verify(p, VerificationOptions.defaults());
            assertThat(r.verdict()).as(name).isNotEqualTo(Verdict.VALID);
        } catch (VerificationException e) {
            assertThat(e.code()).startsWith("input.");
            assertThat(e.message(java.util.Locale.forLanguageTag("vi"))).isNotBlank();
        }
    }

    @Test
    void truncatedSignedFilesAreRefused() throws Exception {
        byte[] signed = Signatures.sign(VerifyRoundTripTest.samplePdf(), VerifyRoundTripTest.key(pki.signer()),
                SignOptions.defaults());
        for (int cut : new int[] {0, 1, 8, 100, signed.length / 3, signed.length / 2, signed.length - 200,
                signed.length - 10, signed.length - 1}) {
            assertRefused(Arrays.copyOf(signed, cut), "cut-" + cut + ".pdf");
        }
    }

    @Test
    void randomBytesAreRefused() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            byte[] noise = new byte[1 + random.nextInt(20_000)];
            random.nextBytes(noise);
            assertRefused(noise, "noise-" + i + ".bin");
            byte[] withHeader = concat("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), noise);
            assertRefused(withHeader, "noise-" + i + ".pdf");
        }
        // a signed file with random bytes written over part of it
        byte[] signed = Signatures.sign(VerifyRoundTripTest.samplePdf(), VerifyRoundTripTest.key(pki.signer()),
                SignOptions.defaults());
        for (int i = 0; i < 20; i++) {
            byte[] damaged = signed.clone();
            int at = random.nextInt(damaged.length - 64);
            for (int j = 0; j < 16; j++) {
                damaged[at + j] = (byte) random.nextInt(256);
            }
            assertRefused(damaged, "damaged-" + i + ".pdf");
        }
    }

    @Test
    void hugeContentsIsRefusedWithoutReadingItIntoACms() throws Exception {
        // a 70 MB /Contents: bigger than any real signature
        String big = "0".repeat(70 * 1024 * 1024);
        byte[] pdf = pdf("<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [4 0 R] >>",
                "<< /Type /Annot /Subtype /Widget /FT /Sig /T (S) /Rect [0 0 0 0] /P 3 0 R /V 5 0 R >>",
                "<< /Type /Sig /SubFilter /adbe.pkcs7.detached /ByteRange [0 10 20 30] /Contents <" + big + "> >>");
        Path p = tmp.resolve("huge.pdf");
        Files.write(p, pdf);
        VerificationReport r = Signatures.verify(p, VerificationOptions.defaults());
        assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void deepNestingIsRefused() throws Exception {
        String deep = "[".repeat(200_000) + "]".repeat(200_000);
        byte[] pdf = pdf("<< /Type /Catalog /Pages 2 0 R /Deep 4 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>", deep);
        assertRefused(pdf, "deep.pdf");
        String dicts = "<< /A ".repeat(100_000) + ">>".repeat(100_000);
        assertRefused(pdf("<< /Type /Catalog /Pages 2 0 R /Deep 4 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>", dicts), "deep-dicts.pdf");
    }

    @Test
    void crossReferenceLoopsAreRefused() throws Exception {
        byte[] base = pdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>");
        String s = new String(base, StandardCharsets.ISO_8859_1);
        int xref = s.lastIndexOf("xref\n");
        // a second section whose /Prev points to itself, and the first one pointing to the second
        String update = "xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 3 /Root 1 0 R /Prev " + base.length
                + " >>\nstartxref\n" + base.length + "\n%%EOF\n";
        assertRefused(concat(base, update.getBytes(StandardCharsets.ISO_8859_1)), "loop-self.pdf");
        String twoLoop = s.substring(0, xref) + s.substring(xref).replace("/Size 3", "/Size 3 /Prev " + base.length);
        byte[] first = twoLoop.getBytes(StandardCharsets.ISO_8859_1);
        String second = "xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 3 /Root 1 0 R /Prev " + xref
                + " >>\nstartxref\n" + first.length + "\n%%EOF\n";
        assertRefused(concat(first, second.getBytes(StandardCharsets.ISO_8859_1)), "loop-two.pdf");
    }

    @Test
    void aTwoHundredMegabyteSignedPdfVerifiesWithA256MegabyteHeap() throws Exception {
        Path big = SyntheticPdf.write(tmp.resolve("big.pdf"), 200L * 1024 * 1024, pki.signer());
        try {
            assertThat(Files.size(big)).isGreaterThan(200L * 1024 * 1024);
            Path anchors = Files.createDirectories(tmp.resolve("trust"));
            pki.writeTrustAnchor(anchors);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    VerifyCommand.class.getName(), big.toString(), "--trust", anchors.toString(), "--online", "--json")
                    .redirectErrorStream(true).start();
            byte[] output = p.getInputStream().readAllBytes();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String text = new String(output, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(text).isEqualTo(VerifyCommand.VALID);
            assertThat(text).contains("\"verdict\":\"VALID\"").doesNotContain("OutOfMemoryError");
        } finally {
            Files.deleteIfExists(big);
        }
    }

    /** A one-revision PDF of the given objects (numbered from 1) with a correct cross-reference table. */
    static byte[] pdf(String... objects) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1));
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.length; i++) {
            offsets.add(out.size());
            out.write(((i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        int xref = out.size();
        StringBuilder sb = new StringBuilder("xref\n0 " + (objects.length + 1) + "\n0000000000 65535 f \n");
        for (int o : offsets) {
            sb.append(String.format("%010d 00000 n \n", o));
        }
        sb.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
