package vn.motcua.signature.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.signature.ConsoleRun;
import vn.motcua.signature.Signatures;
import vn.motcua.signature.sign.SignOptions;
import vn.motcua.signature.testpki.TestPki;

/** motcua-verify: exit codes 0 valid, 1 invalid, 2 indeterminate, 3 unreadable; bilingual text and JSON output. */
class VerifyCommandTest {
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

    private static ConsoleRun run(String... args) {
        return ConsoleRun.of(VerifyCommand::run, args);
    }

    @Test
    void exitCodesFollowTheVerdict() throws Exception {
        byte[] signed = Signatures.sign(VerifyRoundTripTest.samplePdf(), VerifyRoundTripTest.key(pki.signer()),
                SignOptions.defaults());
        Path file = tmp.resolve("ký.pdf");
        Files.write(file, signed);
        Path trust = Files.createDirectories(tmp.resolve("trust"));
        pki.writeTrustAnchor(trust);

        ConsoleRun valid = run(file.toString(), "--trust", trust.toString(), "--online");
        assertThat(valid.code()).as(valid.out() + valid.err()).isEqualTo(VerifyCommand.VALID);
        assertThat(valid.out()).contains("HỢP LỆ", "VALID", "Nguyễn Văn An");

        ConsoleRun untrusted = run(file.toString());
        assertThat(untrusted.code()).isEqualTo(VerifyCommand.INDETERMINATE);
        assertThat(untrusted.out()).contains("CHƯA XÁC ĐỊNH", "INDETERMINATE");

        byte[] tampered = signed.clone();
        int at = new String(signed, StandardCharsets.ISO_8859_1).indexOf("/Type /Page");
        tampered[at + 7] = 'X';
        Path bad = tmp.resolve("bad.pdf");
        Files.write(bad, tampered);
        ConsoleRun invalid = run(bad.toString(), "--trust", trust.toString(), "--json");
        assertThat(invalid.code()).isEqualTo(VerifyCommand.INVALID);
        assertThat(invalid.out()).startsWith("{").contains("\"verdict\":\"INVALID\"", "\"message_vi\":");

        Path junk = tmp.resolve("junk.pdf");
        Files.writeString(junk, "not a pdf");
        ConsoleRun unreadable = run(junk.toString());
        assertThat(unreadable.code()).isEqualTo(VerifyCommand.UNREADABLE);
        assertThat(unreadable.err()).contains("Not a PDF").contains("Không phải");
        assertThat(run(tmp.resolve("missing.pdf").toString()).code()).isEqualTo(VerifyCommand.UNREADABLE);
        assertThat(run().code()).isEqualTo(VerifyCommand.UNREADABLE);
        assertThat(run(file.toString(), "--trust").code()).isEqualTo(VerifyCommand.UNREADABLE);
    }

    @Test
    void aTrustListWithoutCertificatesIsABadTrustList() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("t"));
        Files.writeString(dir.resolve("readme.txt"), "no certificate here");
        Path file = tmp.resolve("x.pdf");
        Files.write(file, VerifyRoundTripTest.samplePdf());
        ConsoleRun r = run(file.toString(), "--trust", dir.toString());
        assertThat(r.code()).isEqualTo(VerifyCommand.UNREADABLE);
        assertThat(r.err()).contains("trust list");
    }
}
