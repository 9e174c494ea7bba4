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

    /**
     * Valid, or indeterminate for the sole reason that the revocation status was not established: the verifier (at the
     * time of writing) does not match the test PKI's OCSP responses, a verifier matter tracked separately. Integrity,
     * chain, changes and time-stamps must all pass.
     */
    private static void assertAcceptable(VerificationReport report) {
        assertThat(report.verdict()).as(report.toJson()).isNotEqualTo(Verdict.INVALID);
        for (SignatureReport s : report.signatures()) {
            assertThat(s.changes()).as(report.toJson()).allMatch(c -> c.allowed());
            assertThat(s.errors()).as(report.toJson())
                    .allMatch(f -> f.code().equals("cert.revocationUnknown"));
            assertThat(s.coverage()).isNotEqualTo(SignatureReport.Coverage.UNCLEAR);
        }
    }

    @Test
    void eachLevelIsRecognisedAndAccepted() throws Exception {
        for (SignatureLevel level : SignatureLevel.values()) {
            SignOptions.Builder b = SignOptions.builder().level(level);
            if (level != SignatureLevel.B_B) {
                b.tsaUrl(URI.create(pki.tsaUrl()));
            }
            byte[] signed = Signatures.sign(samplePdf(1), PadesSigningTest.key(pki.signer()), b.build());
            VerificationReport report = verify(signed);
            assertAcceptable(report);
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
    void visibleSequenceUnderCertificationP3IsAccepted() throws Exception {
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
        assertAcceptable(report);
        assertThat(report.signatures()).hasSize(3);
    }

    @Test
    void invisibleApprovalUnderCertificationP2IsAcceptedAndAVisibleOneIsRefusedBeforeSigning() throws Exception {
        byte[] certified = Signatures.sign(samplePdf(1), PadesSigningTest.key(pki.signer()), SignOptions.builder()
                .certification(Certification.FORM_FILLING_AND_SIGNING).build());
        byte[] approved = Signatures.sign(certified, PadesSigningTest.key(pki.signer(KeyType.EC_P256)),
                SignOptions.defaults());
        VerificationReport report = verify(approved);
        assertAcceptable(report);
        assertThat(report.signatures()).hasSize(2);

        Fixtures.assumeFont();
        assertThatThrownBy(() -> Signatures.sign(certified, PadesSigningTest.key(pki.signer()), SignOptions.builder()
                .appearance(Appearance.copyStamp(CopyKind.SAO_Y, "X")).build()))
                .isInstanceOfSatisfying(SigningException.class, e -> assertThat(e.reason())
                        .isEqualTo(SigningException.Reason.CERTIFICATION_FORBIDS_VISIBLE));
    }

    @Test
    void copyStampIsAccepted() throws Exception {
        Fixtures.assumeFont();
        byte[] signed = Signatures.sign(samplePdf(1), PadesSigningTest.key(pki.signer()), SignOptions.builder()
                .appearance(Appearance.copyStamp(CopyKind.SAO_Y, "Văn phòng UBND")).build());
        assertAcceptable(verify(signed));
    }
}
