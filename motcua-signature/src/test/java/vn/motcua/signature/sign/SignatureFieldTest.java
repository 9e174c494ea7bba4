package vn.motcua.signature.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.signature.sign.Fixtures.assertIntact;
import static vn.motcua.signature.sign.Fixtures.samplePdf;
import static vn.motcua.signature.sign.Fixtures.signatures;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.signature.Signatures;
import vn.motcua.signature.sign.SigningException.Reason;
import vn.motcua.signature.testpki.KeyType;
import vn.motcua.signature.testpki.TestPki;
import vn.motcua.signature.verify.Verdict;
import vn.motcua.signature.verify.VerificationOptions;
import vn.motcua.signature.verify.VerificationReport;

/** Signing the empty signature fields a template already has, and naming new ones. */
class SignatureFieldTest {

    private static final PDRectangle LEADER_BOX = new PDRectangle(330, 90, 200, 110);
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

    /** A document with empty signature fields "ChuyenVien" and "LanhDao" and a text field "SoVanBan". */
    static byte[] template() throws Exception {
        try (PDDocument doc = Loader.loadPDF(samplePdf(1)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            var page = doc.getPage(0);
            for (String name : List.of("ChuyenVien", "LanhDao")) {
                PDSignatureField f = new PDSignatureField(form);
                f.setPartialName(name);
                PDAnnotationWidget w = f.getWidgets().get(0);
                w.setRectangle(name.equals("LanhDao") ? LEADER_BOX : new PDRectangle(70, 90, 200, 110));
                w.setPage(page);
                w.setPrinted(true);
                page.getAnnotations().add(w);
                form.getFields().add(f);
            }
            PDTextField text = new PDTextField(form);
            text.setPartialName("SoVanBan");
            form.getFields().add(text);
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static PDSignatureField field(String name, PDDocument doc) {
        return (PDSignatureField) doc.getDocumentCatalog().getAcroForm().getField(name);
    }

    @Test
    void signsTheNamedEmptyFieldKeepingItsPlace() throws Exception {
        Fixtures.assumeFont();
        byte[] signed = Signatures.sign(template(), PadesSigningTest.key(pki.signer()), SignOptions.builder()
                .fieldName("LanhDao").appearance(Appearance.decree30(1, 0, 0, Fixtures.signaturePng(),
                        Fixtures.sealPng(), "UBND Phường Bến Thành")).build());
        assertIntact(signed, signatures(signed).get(0));
        try (PDDocument doc = Loader.loadPDF(signed)) {
            assertThat(doc.getSignatureFields()).hasSize(2);
            PDSignatureField leader = field("LanhDao", doc);
            assertThat(leader.getSignature()).isNotNull();
            assertThat(leader.getWidgets().get(0).getRectangle().toGeneralPath().getBounds2D())
                    .isEqualTo(LEADER_BOX.toGeneralPath().getBounds2D());
            assertThat(leader.getWidgets().get(0).getAppearance().getNormalAppearance().getAppearanceStream()
                    .getResources().getXObjectNames()).hasSize(2);
            assertThat(field("ChuyenVien", doc).getSignature()).isNull();
        }
    }

    @Test
    void certifiedTemplateP2AcceptsVisibleSignaturesInItsOwnFields() throws Exception {
        Fixtures.assumeFont();
        byte[] certified = Signatures.sign(template(), PadesSigningTest.key(pki.signer(KeyType.RSA_3072)),
                SignOptions.builder().fieldName("TacGia").certification(Certification.FORM_FILLING_AND_SIGNING)
                        .build());
        byte[] specialist = Signatures.sign(certified, PadesSigningTest.key(pki.signer(KeyType.EC_P256)),
                SignOptions.builder().fieldName("ChuyenVien").appearance(Appearance.decree30(1, 0, 0,
                        Fixtures.signaturePng(), null, "Phòng Quản lý đô thị")).build());
        byte[] leader = Signatures.sign(specialist, PadesSigningTest.key(pki.signer()), SignOptions.builder()
                .fieldName("LanhDao").appearance(Appearance.decree30(1, 0, 0, Fixtures.signaturePng(),
                        Fixtures.sealPng(), "UBND Phường Bến Thành")).build());
        for (var s : signatures(leader)) {
            assertIntact(leader, s);
        }
        try (PDDocument doc = Loader.loadPDF(leader)) {
            assertThat(doc.getDocumentCatalog().getAcroForm().getField("TacGia")).isInstanceOf(PDSignatureField.class);
        }
        Path file = Files.write(dir.resolve("certified.pdf"), leader);
        VerificationReport report = Signatures.verify(file, VerificationOptions.builder()
                .trustAnchors(List.of(pki.rootCertificate())).online(true).build());
        assertThat(report.verdict()).as(report.toJson()).isEqualTo(Verdict.VALID);
        assertThat(report.signatures()).hasSize(3);
    }

    @Test
    void signedOrNonSignatureFieldsAreRefused() throws Exception {
        byte[] once = Signatures.sign(template(), PadesSigningTest.key(pki.signer()),
                SignOptions.builder().fieldName("LanhDao").build());
        assertThatThrownBy(() -> Signatures.sign(once, PadesSigningTest.key(pki.signer()),
                SignOptions.builder().fieldName("LanhDao").build()))
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.FIELD_ALREADY_SIGNED);
                    assertThat(e.getMessage()).contains("Ô chữ ký \"LanhDao\" đã được ký")
                            .contains("already signed");
                });
        assertThatThrownBy(() -> Signatures.sign(once, PadesSigningTest.key(pki.signer()),
                SignOptions.builder().fieldName("SoVanBan").build()))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.FIELD_NOT_A_SIGNATURE));
    }
}
