package vn.motcua.signature.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.signature.sign.Fixtures.assertIntact;
import static vn.motcua.signature.sign.Fixtures.signatures;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.signature.ConsoleRun;
import vn.motcua.signature.testpki.TestPki;

class SignCommandTest {

    private static TestPki pki;

    @BeforeAll
    static void start() {
        pki = TestPki.start();
    }

    @AfterAll
    static void stop() {
        pki.close();
    }

    private static ConsoleRun run(String... args) {
        return ConsoleRun.of(SignCommand::run, args);
    }

    @Test
    void signsWithAPkcs12FileAtBaselineTWithAVisibleDecree30Block(@TempDir Path dir) throws Exception {
        Fixtures.assumeFont();
        Path in = Files.write(dir.resolve("in.pdf"), Fixtures.samplePdf(1));
        Path out = dir.resolve("signed.pdf");
        Path p12 = pki.signer().writePkcs12(dir.resolve("key.p12"), "mk123".toCharArray());
        Path secret = Files.writeString(dir.resolve("pin.txt"), "mk123\n");
        Path sig = Files.write(dir.resolve("sig.png"), Fixtures.signaturePng());
        Path seal = Files.write(dir.resolve("seal.png"), Fixtures.sealPng());

        ConsoleRun r = run("--in", in.toString(), "--out", out.toString(), "--p12", p12.toString(), "--secret-file",
                secret.toString(), "--level", "B-T", "--tsa", pki.tsaUrl(), "--reason", "Phê duyệt", "--location",
                "Hà Nội", "--signature-image", sig.toString(), "--seal-image", seal.toString(), "--x", "300", "--y",
                "200", "--agency", "Sở Nội vụ");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Đã ký (B-T)").contains("Signed (B-T)");
        byte[] signed = Files.readAllBytes(out);
        var s = signatures(signed).get(0);
        assertIntact(signed, s);
        assertThat(s.dictionary().getReason()).isEqualTo("Phê duyệt");
        assertThat(s.signer().getUnsignedAttributes()).isNotNull();
        assertThat(dir.resolve("signed.pdf.part")).doesNotExist();
    }

    @Test
    void signsANamedEmptyFieldWithoutCoordinates(@TempDir Path dir) throws Exception {
        Fixtures.assumeFont();
        Path in = Files.write(dir.resolve("in.pdf"), SignatureFieldTest.template());
        Path out = dir.resolve("signed.pdf");
        Path p12 = pki.signer().writePkcs12(dir.resolve("key.p12"), "mk".toCharArray());
        Path secret = Files.writeString(dir.resolve("pin.txt"), "mk");
        Path sig = Files.write(dir.resolve("sig.png"), Fixtures.signaturePng());
        ConsoleRun r = run("--in", in.toString(), "--out", out.toString(), "--p12", p12.toString(), "--secret-file",
                secret.toString(), "--field", "LanhDao", "--signature-image", sig.toString(), "--agency", "UBND");
        assertThat(r.code()).as(r.err()).isZero();
        byte[] signed = Files.readAllBytes(out);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(signed)) {
            var field = (org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField) doc.getDocumentCatalog()
                    .getAcroForm().getField("LanhDao");
            assertThat(field.getSignature()).isNotNull();
        }
        assertIntact(signed, signatures(signed).get(0));
    }

    @Test
    void badUsageShowsTheHelpInBothLanguages() {
        ConsoleRun r = run("--in", "x.pdf");
        assertThat(r.code()).isEqualTo(SignCommand.USAGE);
        assertThat(r.err()).contains("Cách dùng: motcua-sign").contains("Usage: motcua-sign");
        assertThat(run("--in", "a.pdf", "--out", "b.pdf", "--p12", "k.p12", "--level", "B-T").code())
                .as("B-T without --tsa").isEqualTo(SignCommand.USAGE);
        assertThat(run("--in", "a.pdf", "--out", "b.pdf", "--p12", "k.p12", "--level", "B-X").code())
                .isEqualTo(SignCommand.USAGE);
        assertThat(run("--bogus").code()).isEqualTo(SignCommand.USAGE);
    }

    @Test
    void unreadableInputAndWrongPasswordHaveTheirExitCodes(@TempDir Path dir) throws Exception {
        Path p12 = pki.signer().writePkcs12(dir.resolve("key.p12"), "right".toCharArray());
        Path wrong = Files.writeString(dir.resolve("pin.txt"), "wrong");
        Path notPdf = Files.writeString(dir.resolve("in.pdf"), "this is text");
        Path out = dir.resolve("out.pdf");

        ConsoleRun missing = run("--in", dir.resolve("none.pdf").toString(), "--out", out.toString(), "--p12",
                p12.toString(), "--secret-file", wrong.toString());
        assertThat(missing.code()).isEqualTo(SignCommand.UNREADABLE);

        ConsoleRun badPassword = run("--in", Files.write(dir.resolve("ok.pdf"), Fixtures.samplePdf(1)).toString(),
                "--out", out.toString(), "--p12", p12.toString(), "--secret-file", wrong.toString());
        assertThat(badPassword.code()).isEqualTo(SignCommand.FAILED);
        assertThat(badPassword.err()).contains("Sai mật khẩu").contains("Wrong password");

        Path right = Files.writeString(dir.resolve("right.txt"), "right");
        ConsoleRun notAPdf = run("--in", notPdf.toString(), "--out", out.toString(), "--p12", p12.toString(),
                "--secret-file", right.toString());
        assertThat(notAPdf.code()).isEqualTo(SignCommand.UNREADABLE);
        assertThat(notAPdf.err()).contains("không phải là tệp PDF").contains("not a readable PDF");
        assertThat(out).doesNotExist();

        ConsoleRun noEnv = run("--in", notPdf.toString(), "--out", out.toString(), "--p12", p12.toString(),
                "--secret-env", "MOTCUA_TEST_SURELY_UNSET_VARIABLE");
        assertThat(noEnv.code()).isEqualTo(SignCommand.USAGE);
        assertThat(noEnv.err()).contains("Biến môi trường MOTCUA_TEST_SURELY_UNSET_VARIABLE chưa được đặt")
                .contains("The environment variable MOTCUA_TEST_SURELY_UNSET_VARIABLE is not set")
                .doesNotContain("Usage:");
    }
}
