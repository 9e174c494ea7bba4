package vn.motcua.signature.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.signature.sign.Fixtures.samplePdf;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.signature.Signatures;
import vn.motcua.signature.testpki.KeyType;
import vn.motcua.signature.testpki.TestPki;
import vn.motcua.signature.verify.SignatureReport;
import vn.motcua.signature.verify.Verdict;
import vn.motcua.signature.verify.VerificationOptions;
import vn.motcua.signature.verify.VerificationReport;

/** What the signer produces, the module's own verifier accepts, at the level it was made. */
class VerifierRoundTripTest {

    private static TestPki pki;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        pki = TestPki.start();
    }

    @AfterAll
    static void stop() {
        pki.close();
    }

    private VerificationReport verify(byte[] pdf) throws Exception {
        Path file = Files.write(dir.resolve("signed-" + System.nanoTime() + ".pdf"), pdf);
        return Signatures.verify(file, VerificationOptions.builder()
                .trustAnchors(List.of(pki.rootCertificate())).online(true).build());
    }

    /** Valid overall; every change after each signature allowed; no errors. */
    private static void assertValid(VerificationReport report) {
        assertThat(report.verdict()).as(report.toJson()).isEqualTo(Verdict.VALID);
        for (SignatureReport s : report.signatures()) {
            assertThat(s.verdict()).as(report.toJson()).isEqualTo(Verdict.VALID);
            assertThat(s.changes()).as(report.toJson()).allMatch(c -> c.allowed());
            assertThat(s.errors()).as(report.toJson()).isEmpty();
        }
    }

    @Test
    void eachLevelVerifiesAsValidAtThatLevel() throws Exception {
        for (SignatureLevel level : SignatureLevel.values()) {
            SignOptions.Builder b = SignOptions.builder().level(level);
            if (level != SignatureLevel.B_B) {
                b.tsaUrl(URI.create(pki.tsaUrl()));
            }
            byte[] signed = Signatures.sign(samplePdf(1), PadesSigningTest.key(pki.signer()), b.build());
            VerificationReport report = verify(signed);
            assertValid(report);
            assertThat(report.signatures()).hasSize(1);
            SignatureReport s = report.signatures().get(0);
            assertThat(s.level()).isEqualTo(level.name().replace('_', '-'));
            assertThat(s.signerName()).isEqualTo("Nguyễn Văn An");
            assertThat(s.coverage()).isEqualTo(level == SignatureLevel.B_LT ? SignatureReport.Coverage.EARLIER_REVISION
                    : SignatureReport.Coverage.WHOLE_FILE);
            if (level != SignatureLevel.B_B) {
                assertThat(s.timestampTime()).isNotNull();
            }
        }
    }

    @Test
    void visibleSequenceUnderCertificationP3IsValid() throws Exception {
        Fixtures.assumeFont();
        byte[] first = Signatures.sign(samplePdf(2), PadesSigningTest.key(pki.signer(KeyType.RSA_3072)),
                SignOptions.builder().certification(Certification.ANNOTATIONS_FORM_FILLING_AND_SIGNING).build());
        byte[] second = Signatures.sign(first, PadesSigningTest.key(pki.signer()), SignOptions.builder()
                .appearance(Appearance.decree30(2, 320, 200, Fixtures.signaturePng(), null, "UBND Phường Bến Thành"))
                .level(SignatureLevel.B_T).tsaUrl(URI.create(pki.tsaUrl())).build());
        byte[] third = Signatures.sign(second, PadesSigningTest.key(pki.signer(KeyType.EC_P256)),
                SignOptions.builder().appearance(Appearance.decree30(2, 320, 80, Fixtures.signaturePng(),
                        Fixtures.sealPng(), "UBND Phường Bến Thành")).level(SignatureLevel.B_LT)
                        .tsaUrl(URI.create(pki.tsaUrl())).build());
        VerificationReport report = verify(third);
        assertValid(report);
        assertThat(report.signatures()).hasSize(3);
        assertThat(report.signatures().get(0).kind()).isEqualTo(SignatureReport.Kind.CERTIFICATION_SIGNATURE);
    }

    @Test
    void invisibleApprovalUnderCertificationP2IsValidAndAVisibleOneIsRefusedBeforeSigning() throws Exception {
        byte[] certified = Signatures.sign(samplePdf(1), PadesSigningTest.key(pki.signer()), SignOptions.builder()
                .certification(Certification.FORM_FILLING_AND_SIGNING).build());
        byte[] approved = Signatures.sign(certified, PadesSigningTest.key(pki.signer(KeyType.EC_P256)),
                SignOptions.defaults());
        VerificationReport report = verify(approved);
        assertValid(report);
        assertThat(report.signatures()).hasSize(2);

        Fixtures.assumeFont();
        assertThatThrownBy(() -> Signatures.sign(certified, PadesSigningTest.key(pki.signer()), SignOptions.builder()
                .appearance(Appearance.copyStamp(CopyKind.SAO_Y, "X")).build()))
                .isInstanceOfSatisfying(SigningException.class, e -> assertThat(e.reason())
                        .isEqualTo(SigningException.Reason.CERTIFICATION_FORBIDS_VISIBLE));
    }

    @Test
    void copyStampIsValid() throws Exception {
        Fixtures.assumeFont();
        byte[] signed = Signatures.sign(samplePdf(1), PadesSigningTest.key(pki.signer()), SignOptions.builder()
                .appearance(Appearance.copyStamp(CopyKind.SAO_Y, "Văn phòng UBND")).build());
        assertValid(verify(signed));
    }
}
