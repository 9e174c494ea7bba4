package vn.motcua.signature.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.signature.Signatures;
import vn.motcua.signature.sign.Certification;
import vn.motcua.signature.sign.SignOptions;
import vn.motcua.signature.testpki.Credential;
import vn.motcua.signature.testpki.TestPki;

/** Certification attacks: second certification, loosened DocMDP, form filling against DocMDP and FieldMDP locks. */
class CertificationAttackTest {
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

    private VerificationReport verify(byte[] pdf) throws Exception {
        Path p = Files.createTempFile(tmp, "c", ".pdf");
        Files.write(p, pdf);
        return Signatures.verify(p, VerificationOptions.builder().trustList(pki.writeTrustAnchor(tmp)).online(true)
                .onlineTimeout(Duration.ofSeconds(5)).build());
    }

    /** A one-page form with two text fields, HoTen and GhiChu. */
    static byte[] form() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            PDResources dr = new PDResources();
            dr.put(COSName.getPDFName("Helv"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            form.setDefaultResources(dr);
            form.setDefaultAppearance("/Helv 10 Tf 0 g");
            int y = 700;
            for (String name : List.of("HoTen", "GhiChu")) {
                PDTextField field = new PDTextField(form);
                field.setPartialName(name);
                var widget = field.getWidgets().get(0);
                widget.setRectangle(new PDRectangle(100, y, 300, 20));
                widget.setPage(page);
                page.getAnnotations().add(widget);
                form.getFields().add(field);
                y -= 40;
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] fill(byte[] pdf, String field, String value) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDTextField f = (PDTextField) doc.getDocumentCatalog().getAcroForm().getField(field);
            f.setValue(value);
            f.getCOSObject().setNeedToBeUpdated(true);
            f.getWidgets().get(0).getCOSObject().setNeedToBeUpdated(true);
            f.getWidgets().get(0).getAppearance().getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(out);
            return out.toByteArray();
        }
    }

    @Test
    void formFillingFollowsTheCertificationLevel() throws Exception {
        byte[] p1 = Signatures.sign(form(), VerifyRoundTripTest.key(pki.signer()),
                SignOptions.builder().certification(Certification.NO_CHANGES).build());
        VerificationReport broken = verify(fill(p1, "HoTen", "Nguyen Van A"));
        assertThat(broken.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(broken.subIndication()).isEqualTo(SubIndication.MODIFIED_AFTER_SIGNING);

        byte[] p2 = Signatures.sign(form(), VerifyRoundTripTest.key(pki.signer()),
                SignOptions.builder().certification(Certification.FORM_FILLING_AND_SIGNING).build());
        VerificationReport filled = verify(fill(p2, "HoTen", "Nguyen Van A"));
        assertThat(filled.verdict()).as(filled.summary(Locale.ENGLISH)).isEqualTo(Verdict.VALID);
        assertThat(filled.signatures().get(0).changes()).anyMatch(c -> c.kind() == Change.Kind.FORM_FILL && c.allowed());
    }

    @Test
    void aVisibleNewSignatureFieldUnderCertificationIsASneakySignature() throws Exception {
        byte[] p2 = Signatures.sign(form(), VerifyRoundTripTest.key(pki.signer()),
                SignOptions.builder().certification(Certification.FORM_FILLING_AND_SIGNING).build());
        VerificationReport sneaky = verify(addSignatureField(p2, new PDRectangle(90, 690, 320, 40)));
        assertThat(sneaky.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(sneaky.signatures().get(0).changes())
                .anyMatch(c -> c.kind() == Change.Kind.NEW_SIGNATURE_FIELD && !c.allowed());
        // an invisible one is only a place for a later signature
        VerificationReport invisible = verify(addSignatureField(p2, new PDRectangle(0, 0, 0, 0)));
        assertThat(invisible.verdict()).as(invisible.summary(Locale.ENGLISH)).isEqualTo(Verdict.VALID);
    }

    private static byte[] addSignatureField(byte[] pdf, PDRectangle rect) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm();
            var field = new org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField(form);
            field.setPartialName("Sneaky");
            var widget = field.getWidgets().get(0);
            widget.setRectangle(rect);
            PDPage page = doc.getPage(0);
            widget.setPage(page);
            page.getAnnotations().add(widget);
            form.getFields().add(field);
            page.getCOSObject().setNeedToBeUpdated(true);
            form.getCOSObject().setNeedToBeUpdated(true);
            form.getCOSObject().getCOSArray(COSName.FIELDS).setNeedToBeUpdated(true);
            COSArray annots = page.getCOSObject().getCOSArray(COSName.ANNOTS);
            annots.setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(out);
            return out.toByteArray();
        }
    }

    @Test
    void aSecondCertificationIsRefused() throws Exception {
        byte[] certified = Signatures.sign(form(), VerifyRoundTripTest.key(pki.signer()),
                SignOptions.builder().certification(Certification.ANNOTATIONS_FORM_FILLING_AND_SIGNING).build());
        byte[] second;
        try (PDDocument doc = Loader.loadPDF(certified); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
            COSDictionary perms = new COSDictionary();
            COSDictionary fake = new COSDictionary();
            fake.setItem(COSName.TYPE, COSName.SIG);
            perms.setItem(COSName.DOCMDP, fake);
            catalog.setItem(COSName.PERMS, perms);
            catalog.setNeedToBeUpdated(true);
            doc.saveIncremental(out);
            second = out.toByteArray();
        }
        VerificationReport r = verify(second);
        assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(r.signatures().get(0).changes()).anyMatch(c -> c.kind() == Change.Kind.CERTIFICATION
                && !c.allowed());
    }

    @Test
    void loosenedDocMdpIsRefused() throws Exception {
        byte[] certified = Signatures.sign(form(), VerifyRoundTripTest.key(pki.signer()),
                SignOptions.builder().certification(Certification.NO_CHANGES).build());
        byte[] loosened;
        try (PDDocument doc = Loader.loadPDF(certified); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            COSDictionary sig = (COSDictionary) doc.getDocumentCatalog().getCOSObject()
                    .getCOSDictionary(COSName.PERMS).getDictionaryObject(COSName.DOCMDP);
            COSArray refs = (COSArray) sig.getDictionaryObject(COSName.getPDFName("Reference"));
            COSDictionary ref = (COSDictionary) refs.getObject(0);
            COSDictionary params = (COSDictionary) ref.getDictionaryObject(COSName.getPDFName("TransformParams"));
            params.setInt(COSName.P, 3);
            sig.setNeedToBeUpdated(true);
            params.setNeedToBeUpdated(true);
            ref.setNeedToBeUpdated(true);
            refs.setNeedToBeUpdated(true);
            doc.saveIncremental(out);
            loosened = out.toByteArray();
        }
        VerificationReport r = verify(loosened);
        assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(r.subIndication()).isIn(SubIndication.MODIFIED_AFTER_SIGNING, SubIndication.FORMAT_FAILURE,
                SubIndication.HASH_FAILURE);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void fieldMdpLocksTheListedFields(boolean inSignatureReference) throws Exception {
        byte[] signed = signWithFieldLock(form(), pki.signer(), "HoTen", inSignatureReference);
        VerificationReport lockedChange = verify(fill(signed, "HoTen", "Tran Van B"));
        assertThat(lockedChange.verdict()).as(lockedChange.signatures().get(0).changes().toString()).isEqualTo(Verdict.INVALID);
        assertThat(lockedChange.signatures().get(0).changes())
                .anyMatch(c -> c.kind() == Change.Kind.LOCKED_FIELD && !c.allowed());
        VerificationReport freeChange = verify(fill(signed, "GhiChu", "Da xem"));
        assertThat(freeChange.verdict()).as(freeChange.summary(Locale.ENGLISH)).isEqualTo(Verdict.VALID);
    }

    /**
     * Signs with PDFBox's own API, locking {@code field} either by a FieldMDP /Reference in the signature dictionary or by
     * a /Lock dictionary on the signature field.
     */
    private static byte[] signWithFieldLock(byte[] pdf, Credential signer, String field, boolean inReference)
            throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDSignature sig = new PDSignature();
            sig.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            sig.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            sig.setSignDate(Calendar.getInstance());
            COSDictionary params = new COSDictionary();
            params.setItem(COSName.TYPE, COSName.getPDFName("TransformParams"));
            params.setItem(COSName.getPDFName("Action"), COSName.getPDFName("Include"));
            COSArray fields = new COSArray();
            fields.add(new COSString(field));
            params.setItem(COSName.FIELDS, fields);
            params.setName(COSName.V, "1.2");
            COSDictionary ref = new COSDictionary();
            ref.setItem(COSName.TYPE, COSName.getPDFName("SigRef"));
            ref.setItem(COSName.getPDFName("TransformMethod"), COSName.getPDFName("FieldMDP"));
            ref.setItem(COSName.getPDFName("TransformParams"), params);
            // direct, so that PDFBox's incremental writer stores them inside the signature dictionary
            params.setDirect(true);
            ref.setDirect(true);
            COSArray refs = new COSArray();
            refs.add(ref);
            if (inReference) {
                sig.getCOSObject().setItem(COSName.getPDFName("Reference"), refs);
            }
            doc.addSignature(sig);
            if (!inReference) {
                params.setItem(COSName.TYPE, COSName.getPDFName("SigFieldLock"));
                for (var f : doc.getDocumentCatalog().getAcroForm().getFieldTree()) {
                    if (f instanceof org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField sf) {
                        sf.getCOSObject().setItem(COSName.getPDFName("Lock"), params);
                    }
                }
            }
            ExternalSigningSupport ext = doc.saveIncrementalForExternalSigning(out);
            byte[] content = ext.getContent().readAllBytes();
            var provider = new org.bouncycastle.jce.provider.BouncyCastleProvider();
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                    .setProvider(provider).build()).build(new JcaContentSignerBuilder("SHA256withRSA")
                    .setProvider(provider).build(signer.key()), signer.certificate()));
            gen.addCertificates(new JcaCertStore(signer.chain()));
            ext.setSignature(gen.generate(new CMSProcessableByteArray(content), false).getEncoded());
            return out.toByteArray();
        }
    }
}
