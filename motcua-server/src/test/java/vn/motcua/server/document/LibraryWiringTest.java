package vn.motcua.server.document;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.signature.sign.SigningKeys;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The desk's wiring of the two libraries: the leader's configured signer produces a PAdES signature that the desk's
 * inspector then shows green when the signer is trusted, grey when it is not, red once the file is altered; header
 * fields and text come from the extractor. Plain objects, no Spring context: the libraries have their own suites.
 */
class LibraryWiringTest {

    @TempDir
    static Path dir;
    static Path p12;
    static Path trustList;

    @BeforeAll
    static void leaderCertificate() throws Exception {
        KeyPair pair = SigningFixtures.rsa2048();
        X509Certificate cert = SigningFixtures.selfIssued(pair, "CN=Nguyễn Văn Lãnh Đạo, O=UBND phường Ayun Pa, C=VN",
                "SHA256withRSA", false, KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
        p12 = SigningFixtures.pkcs12(dir.resolve("leader.p12"), pair, cert, "secret");
        trustList = dir.resolve("trust.pem");
        Files.write(trustList, SigningFixtures.pem(cert));
    }

    private static ConfiguredResultSigner signer() throws Exception {
        return SigningFixtures.invisibleSigner(SigningKeys.pkcs12(p12, "secret".toCharArray(), null));
    }

    private static LibraryDocumentInspector inspector(String trust) {
        return new LibraryDocumentInspector(List::of, trust, false, Duration.ofSeconds(20), 100_000);
    }

    @Test
    void aSignedResultIsGreenWithTheSignerTrustedAndGreyWithout() throws Exception {
        ConfiguredResultSigner signer = signer();
        ResultSigner.SignedResult result = signer.sign(SigningFixtures.blankPdf(), "000.00.41.H21-250915-0001-KQ1",
                "leader", Instant.now());
        signer.destroy();

        assertThat(result.signed()).isTrue();
        DocumentInspection trusted = inspector(trustList.toString()).inspect("kq.pdf", "application/pdf", result.pdf());
        assertThat(trusted.signature()).as(trusted.signatureText()).isEqualTo(DocumentInspection.Badge.GREEN);
        assertThat(trusted.signatureText()).contains("Nguyễn Văn Lãnh Đạo").contains("kq.pdf").contains("\n—\n")
                .doesNotContain("motcua-inspect");

        DocumentInspection untrusted = inspector("").inspect("kq.pdf", "application/pdf", result.pdf());
        assertThat(untrusted.signature()).isEqualTo(DocumentInspection.Badge.GREY);

        // The same certificate added by an administrator (the trust list in the database) is trusted too.
        X509Certificate leader = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(trustList));
        DocumentInspection administered = new LibraryDocumentInspector(() -> List.of(leader), "", false,
                Duration.ofSeconds(20), 100_000).inspect("kq.pdf", "application/pdf", result.pdf());
        assertThat(administered.signature()).isEqualTo(DocumentInspection.Badge.GREEN);
    }

    @Test
    void aResultAlteredAfterSigningIsRed() throws Exception {
        ConfiguredResultSigner signer = signer();
        byte[] signed = signer.sign(SigningFixtures.blankPdf(), "X-KQ1", "leader", Instant.now()).pdf();
        signer.destroy();
        // Flip one byte inside the first signed range (the PDF header comment): the digest no longer matches.
        signed[10] ^= 0x01;

        DocumentInspection inspection = inspector(trustList.toString()).inspect("kq.pdf", "application/pdf", signed);

        assertThat(inspection.signature()).isEqualTo(DocumentInspection.Badge.RED);
    }

    @Test
    void anUnsignedPdfIsGreyWithoutSignatureAndANonPdfDraftStaysUnsigned() throws Exception {
        DocumentInspection inspection = inspector("").inspect("don.pdf", "application/pdf", SigningFixtures.blankPdf());
        assertThat(inspection.signature()).isEqualTo(DocumentInspection.Badge.GREY);
        assertThat(inspection.signatureText()).isEqualTo("signature.none");

        ConfiguredResultSigner signer = signer();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0};
        ResultSigner.SignedResult result = signer.sign(png, "X-KQ1", "leader", Instant.now());
        signer.destroy();
        assertThat(result.signed()).isFalse();
        assertThat(result.pdf()).isEqualTo(png);
    }

    @Test
    void aDamagedDraftIsRefusedWithTheSigningErrorAndNothingIsSigned() throws Exception {
        ConfiguredResultSigner signer = signer();
        byte[] broken = "%PDF-1.7\nnot really a PDF".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> signer.sign(broken, "X-KQ1", "leader", Instant.now()))
                .isInstanceOfSatisfying(DeskException.class, e -> assertThat(e.key()).isEqualTo("error.signing"));
        signer.destroy();
    }

    @Test
    void aDamagedPdfIsRedOnlyWhenItLooksSigned() {
        byte[] unsigned = "%PDF-1.4\n% scanner output with a broken xref\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] signed = "%PDF-1.4\n1 0 obj << /Type /Sig /ByteRange [0 10 20 30] >> endobj\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);

        DocumentInspection scan = inspector("").inspect("scan.pdf", "application/pdf", unsigned);
        assertThat(scan.signature()).isEqualTo(DocumentInspection.Badge.GREY);
        assertThat(scan.signatureText()).isEqualTo("signature.damagedUnsigned");
        assertThat(inspector("").inspect("forged.pdf", "application/pdf", signed).signature())
                .isEqualTo(DocumentInspection.Badge.RED);
    }

    @Test
    void headerFieldsAndTextComeFromTheExtractor() {
        String letter = """
                UBND THỊ XÃ AYUN PA          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                PHÒNG NỘI VỤ                 Độc lập - Tự do - Hạnh phúc
                Số: 123/QĐ-UBND              Ayun Pa, ngày 27 tháng 10 năm 2022

                QUYẾT ĐỊNH
                Về việc cấp giấy chứng nhận quyền sử dụng đất
                """;

        DocumentInspection inspection = inspector("").inspect("qd.txt", "text/plain",
                letter.getBytes(StandardCharsets.UTF_8));

        assertThat(inspection.signature()).isEqualTo(DocumentInspection.Badge.GREY);
        assertThat(inspection.metadata()).containsEntry("number", "123").containsEntry("symbol", "QĐ-UBND")
                .containsEntry("issueDate", "2022-10-27");
        assertThat(inspection.text()).contains("Về việc cấp giấy chứng nhận");
    }
}
