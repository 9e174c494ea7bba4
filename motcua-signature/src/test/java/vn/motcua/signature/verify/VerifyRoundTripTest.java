package vn.motcua.signature.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationSquare;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.motcua.signature.Signatures;
import vn.motcua.signature.sign.Certification;
import vn.motcua.signature.sign.SignOptions;
import vn.motcua.signature.sign.SignatureAlgorithm;
import vn.motcua.signature.sign.SignatureLevel;
import vn.motcua.signature.sign.SigningException;
import vn.motcua.signature.sign.SigningKey;
import vn.motcua.signature.sign.SigningKeys;
import vn.motcua.signature.testpki.Credential;
import vn.motcua.signature.testpki.KeyType;
import vn.motcua.signature.testpki.TestPki;

/** Sign with our signer and the test PKI, verify with our verifier, then tamper in each way and check the reason. */
class VerifyRoundTripTest {
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

    static SigningKey key(Credential c) {
        try {
            Path p12 = Files.createTempFile("signer", ".p12");
            try {
                return SigningKeys.pkcs12(c.writePkcs12(p12, "123456".toCharArray()), "123456".toCharArray(), null);
            } finally {
                Files.deleteIfExists(p12);
            }
        } catch (IOException | SigningException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] samplePdf() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(70, 760);
                cs.showText("QUYET DINH so 123/QD-UBND");
                cs.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    VerificationOptions trusted(boolean online) throws IOException {
        return VerificationOptions.builder().trustList(pki.writeTrustAnchor(tmp)).online(online)
                .onlineTimeout(Duration.ofSeconds(5)).build();
    }

    Path write(String name, byte[] pdf) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, pdf);
        return p;
    }

    static SignatureReport only(VerificationReport r) {
        assertThat(r.signatures()).hasSize(1);
        return r.signatures().get(0);
    }

    @ParameterizedTest
    @CsvSource({"RSA_2048,", "RSA_2048,RSA_SHA256", "RSA_3072,RSA_PSS_SHA384", "EC_P256,ECDSA_SHA256"})
    void signedWithTheTestPkiIsValidOnline(KeyType type, SignatureAlgorithm algorithm) throws Exception {
        byte[] signed = Signatures.sign(samplePdf(), key(pki.signer(type)),
                SignOptions.builder().algorithm(algorithm).build());
        VerificationReport r = Signatures.verify(write("a.pdf", signed), trusted(true));
        SignatureReport s = only(r);
        assertThat(r.verdict()).as(r.summary(Locale.ENGLISH)).isEqualTo(Verdict.VALID);
        assertThat(s.verdict().etsiName()).isEqualTo("TOTAL_PASSED");
        assertThat(s.level()).isEqualTo("B-B");
        assertThat(s.coverage()).isEqualTo(SignatureReport.Coverage.WHOLE_FILE);
        assertThat(s.signerName()).isEqualTo(pki.signer(type).certificate().getSubjectX500Principal().getName()
                .replaceAll(".*CN=([^,]+).*", "$1"));
        assertThat(s.signerOrganisation()).isNotBlank();
        assertThat(s.issuer()).contains("CN=");
        assertThat(r.toJson()).contains("\"verdict\":\"VALID\"", "\"indication\":\"TOTAL_PASSED\"");
        assertThat(r.summary(Locale.forLanguageTag("vi"))).contains("HỢP LỆ");
    }

    @Test
    void withoutTrustAnchorsItIsIndeterminateNotInvalid() throws Exception {
        byte[] signed = Signatures.sign(samplePdf(), key(pki.signer()), SignOptions.defaults());
        VerificationReport r = Signatures.verify(write("a.pdf", signed), VerificationOptions.defaults());
        assertThat(r.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(r.subIndication()).isEqualTo(SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
    }

    @Test
    void offlineWithoutRevocationDataIsIndeterminateAndBltCarriesIt() throws Exception {
        byte[] bb = Signatures.sign(samplePdf(), key(pki.signer()), SignOptions.defaults());
        VerificationReport r = Signatures.verify(write("bb.pdf", bb), trusted(false));
        assertThat(r.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(r.subIndication()).isEqualTo(SubIndication.TRY_LATER);

        byte[] lt = Signatures.sign(samplePdf(), key(pki.signer()), SignOptions.builder().level(SignatureLevel.B_LT)
                .tsaUrl(URI.create(pki.tsaUrl())).build());
        VerificationReport rl = Signatures.verify(write("lt.pdf", lt), trusted(false));
        assertThat(rl.verdict()).as(rl.summary(Locale.ENGLISH)).isEqualTo(Verdict.VALID);
        assertThat(rl.signatures().get(0).level()).isEqualTo("B-LT");
        assertThat(rl.signatures().get(0).signingTimeSource()).isEqualTo(SignatureReport.TimeSource.SIGNATURE_TIMESTAMP);
    }

    @Test
    void aChangedSignedByteIsAHashFailure() throws Exception {
        byte[] signed = Signatures.sign(samplePdf(), key(pki.signer()), SignOptions.defaults());
        String s = new String(signed, StandardCharsets.ISO_8859_1);
        int m = s.indexOf("/M (D:");
        if (m < 0) {
            m = s.indexOf("/M(D:");
        }
        assertThat(m).isPositive();
        int digit = s.indexOf("D:", m) + 4;
        signed[digit] = (byte) (signed[digit] == '1' ? '2' : '1');
        VerificationReport r = Signatures.verify(write("t.pdf", signed), trusted(true));
        assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(only(r).subIndication()).isEqualTo(SubIndication.HASH_FAILURE);
    }

    @Test
    void pageContentAddedAfterSigningIsModifiedAndTheSignedRevisionIsOffered() throws Exception {
        byte[] signed = Signatures.sign(samplePdf(), key(pki.signer()), SignOptions.defaults());
        byte[] modified;
        try (PDDocument doc = Loader.loadPDF(signed); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = doc.getPage(0);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND,
                    false)) {
                cs.addRect(60, 740, 300, 40);
                cs.fill();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(out);
            modified = out.toByteArray();
        }
        Path file = write("m.pdf", modified);
        VerificationReport r = Signatures.verify(file, trusted(true));
        SignatureReport s = only(r);
        assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(s.subIndication()).isEqualTo(SubIndication.MODIFIED_AFTER_SIGNING);
        assertThat(s.coverage()).isEqualTo(SignatureReport.Coverage.EARLIER_REVISION);
        assertThat(s.changes()).anyMatch(c -> c.kind() == Change.Kind.PAGE_CONTENT && !c.allowed());
        try (InputStream in = Signatures.openSignedRevision(file, s)) {
            assertThat(in.readAllBytes()).isEqualTo(signed);
        }
    }

    @Test
    void pageContentChangedAndThenRestoredIsStillModifiedNamingTheRevision() throws Exception {
        // revisions are numbered in the file: 1 = the unsigned sample, 2 = the signature, 3 = the change, 4 = the undo
        byte[] signed = Signatures.sign(samplePdf(), key(pki.signer()), SignOptions.defaults());
        // revision 3: the page shows a new content stream instead of the signed one
        byte[] changed;
        COSObjectKey original;
        try (PDDocument doc = Loader.loadPDF(signed); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = doc.getPage(0);
            original = ((COSObject) page.getCOSObject().getItem(COSName.CONTENTS)).getKey();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page,
                    PDPageContentStream.AppendMode.OVERWRITE, false)) {
                cs.addRect(60, 740, 300, 40);
                cs.fill();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(out);
            changed = out.toByteArray();
        }
        // revision 4: the page points at the signed content stream again
        byte[] restored;
        try (PDDocument doc = Loader.loadPDF(changed); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = doc.getPage(0);
            page.getCOSObject().setItem(COSName.CONTENTS, doc.getDocument().getObjectFromPool(original));
            page.getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(out);
            restored = out.toByteArray();
        }
        try (PDDocument s = Loader.loadPDF(signed); PDDocument r = Loader.loadPDF(restored)) {
            // the final page is the signed page again: only the walk through revision 3 can see the change
            assertThat(ChangeAnalyzer.equal(s.getPage(0).getCOSObject(), r.getPage(0).getCOSObject(), 0)).isTrue();
        }

        VerificationReport r = Signatures.verify(write("undone.pdf", restored), trusted(true));
        SignatureReport s = only(r);
        assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(s.subIndication()).isEqualTo(SubIndication.MODIFIED_AFTER_SIGNING);
        assertThat(s.changes()).filteredOn(c -> !c.allowed()).first()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(Change.Kind.PAGE_CONTENT))
                .satisfies(c -> assertThat(c.where()).startsWith("revision 3: ").contains("/Contents"));
        // undoing it is a change to the page content too, named after its own revision
        assertThat(s.changes()).anyMatch(c -> !c.allowed() && c.where().startsWith("revision 4: "));
        assertThat(s.errors()).anySatisfy(f -> assertThat(f.message(Locale.ENGLISH)).contains("revision 3"));

        // before revision 4 undid it, the same change was found by the signed-versus-final comparison
        SignatureReport two = only(Signatures.verify(write("changed.pdf", changed), trusted(true)));
        assertThat(two.subIndication()).isEqualTo(SubIndication.MODIFIED_AFTER_SIGNING);
    }

    @Test
    void aSecondSignatureKeepsTheFirstValid() throws Exception {
        byte[] once = Signatures.sign(samplePdf(), key(pki.signer()), SignOptions.defaults());
        byte[] twice = Signatures.sign(once, key(pki.signer(KeyType.EC_P256)), SignOptions.builder()
                .level(SignatureLevel.B_T).tsaUrl(URI.create(pki.tsaUrl())).build());
        VerificationReport r = Signatures.verify(write("two.pdf", twice), trusted(true));
        assertThat(r.signatures()).hasSize(2);
        assertThat(r.verdict()).as(r.summary(Locale.ENGLISH)).isEqualTo(Verdict.VALID);
        SignatureReport first = r.signatures().get(0);
        assertThat(first.coverage()).isEqualTo(SignatureReport.Coverage.EARLIER_REVISION);
        assertThat(first.changes()).isNotEmpty().allMatch(Change::allowed)
                .anyMatch(c -> c.kind() == Change.Kind.SIGNATURE);
        assertThat(r.signatures().get(1).level()).isEqualTo("B-T");
    }

    @Test
    void annotationsAreAllowedOnApprovalButNotOnANoChangesCertification() throws Exception {
        byte[] approval = Signatures.sign(samplePdf(), key(pki.signer()), SignOptions.defaults());
        VerificationReport a = Signatures.verify(write("a.pdf", addSquare(approval)), trusted(true));
        assertThat(a.verdict()).as(a.summary(Locale.ENGLISH)).isEqualTo(Verdict.VALID);
        assertThat(only(a).warnings()).extracting(Finding::code).contains("pdf.annotationsAdded");

        byte[] certified = Signatures.sign(samplePdf(), key(pki.signer()),
                SignOptions.builder().certification(Certification.NO_CHANGES).build());
        VerificationReport c = Signatures.verify(write("c.pdf", addSquare(certified)), trusted(true));
        assertThat(only(c).kind()).isEqualTo(SignatureReport.Kind.CERTIFICATION_SIGNATURE);
        assertThat(c.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(only(c).subIndication()).isEqualTo(SubIndication.MODIFIED_AFTER_SIGNING);

        // P=3 permits comments, but not an annotation that paints over the page (evil annotation attack)
        byte[] p3 = Signatures.sign(samplePdf(), key(pki.signer()),
                SignOptions.builder().certification(Certification.ANNOTATIONS_FORM_FILLING_AND_SIGNING).build());
        VerificationReport evil = Signatures.verify(write("e.pdf", addSquare(p3)), trusted(true));
        assertThat(evil.verdict()).isEqualTo(Verdict.INVALID);
        VerificationReport note = Signatures.verify(write("n.pdf", addNote(p3)), trusted(true));
        assertThat(note.verdict()).as(note.summary(Locale.ENGLISH)).isEqualTo(Verdict.VALID);
    }

    private static byte[] addSquare(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = doc.getPage(0);
            var square = new PDAnnotationSquare();
            square.setRectangle(new PDRectangle(60, 740, 300, 40));
            page.getAnnotations().add(square);
            page.getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(out);
            return out.toByteArray();
        }
    }

    private static byte[] addNote(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = doc.getPage(0);
            var note = new PDAnnotationText();
            note.setRectangle(new PDRectangle(20, 20, 20, 20));
            note.setContents("Đã xem");
            page.getAnnotations().add(note);
            page.getCOSObject().setNeedToBeUpdated(true);
            page.getCOSObject().getCOSArray(COSName.ANNOTS).setNeedToBeUpdated(true);
            doc.saveIncremental(out);
            return out.toByteArray();
        }
    }

    @Test
    void revokedSignerWithATimestampAfterRevocationIsInvalid() throws Exception {
        byte[] signed = Signatures.sign(samplePdf(), key(pki.revokedSigner()), SignOptions.builder()
                .level(SignatureLevel.B_T).tsaUrl(URI.create(pki.tsaUrl())).build());
        VerificationReport r = Signatures.verify(write("r.pdf", signed), trusted(true));
        assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(only(r).subIndication()).isEqualTo(SubIndication.REVOKED);
    }

    @Test
    void anExpiredSignerIsValidWhenATimestampProvesEarlierSigning() throws Exception {
        Instant then = Instant.now().minus(Duration.ofDays(10));
        Credential shortLived = pki.issueSigner("Trần Thị Bình", "UBND Phường Bến Thành", KeyType.RSA_2048,
                then.minus(Duration.ofDays(30)), then.plus(Duration.ofDays(5)));
        Clock clock = Clock.fixed(then, ZoneOffset.UTC);
        pki.setTsaClock(clock);
        byte[] stamped;
        byte[] plain;
        try {
            stamped = Signatures.sign(samplePdf(), key(shortLived), SignOptions.builder().clock(clock)
                    .level(SignatureLevel.B_T).tsaUrl(URI.create(pki.tsaUrl())).build());
            plain = Signatures.sign(samplePdf(), key(shortLived), SignOptions.builder().clock(clock).build());
        } finally {
            pki.setTsaClock(Clock.systemUTC());
        }
        VerificationReport ok = Signatures.verify(write("s.pdf", stamped), trusted(true));
        assertThat(ok.verdict()).as(ok.summary(Locale.ENGLISH)).isEqualTo(Verdict.VALID);
        assertThat(only(ok).signingTime()).isEqualTo(then.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        VerificationReport noPoe = Signatures.verify(write("p.pdf", plain), trusted(true));
        assertThat(noPoe.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(only(noPoe).subIndication()).isEqualTo(SubIndication.OUT_OF_BOUNDS_NO_POE);
    }

    @Test
    void detachedAndEnvelopingCms() throws Exception {
        byte[] data = "Hồ sơ 000.00.01.H29-260101-0001".getBytes(StandardCharsets.UTF_8);
        Path dataFile = write("data.txt", data);
        Path detached = write("data.p7s", cms(data, false, pki.signer(), "SHA256withRSA"));
        VerificationReport r = Signatures.verifyDetached(detached, dataFile, trusted(true));
        assertThat(r.verdict()).as(r.summary(Locale.ENGLISH)).isEqualTo(Verdict.VALID);
        assertThat(only(r).kind()).isEqualTo(SignatureReport.Kind.CMS_DETACHED);

        Path other = write("other.txt", "Hồ sơ khác".getBytes(StandardCharsets.UTF_8));
        VerificationReport bad = Signatures.verifyDetached(detached, other, trusted(true));
        assertThat(bad.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(bad.subIndication()).isEqualTo(SubIndication.HASH_FAILURE);

        Path enveloping = write("data.p7m", cms(data, true, pki.signer(KeyType.EC_P256), "SHA384withECDSA"));
        VerificationReport env = Signatures.verify(enveloping, trusted(true));
        assertThat(env.verdict()).as(env.summary(Locale.ENGLISH)).isEqualTo(Verdict.VALID);
        assertThat(only(env).kind()).isEqualTo(SignatureReport.Kind.CMS_ENVELOPING);
    }

    @ParameterizedTest
    @CsvSource({"Ed25519,Ed25519,", "Ed448,Ed448,", "RSA,SHA3-256withRSAandMGF1,", "RSA,SHA256withRSAandMGF1,",
            "EC,SHA256withPLAIN-ECDSA,", "RSA,SHA1withRSA,alg.weakDigest", "RSA1024,SHA256withRSA,alg.weakKey"})
    void algorithms(String keyType, String algorithm, String warning) throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance(keyType.startsWith("RSA") ? "RSA" : keyType,
                new org.bouncycastle.jce.provider.BouncyCastleProvider());
        if (keyType.startsWith("RSA")) {
            generator.initialize(keyType.equals("RSA1024") ? 1024 : 2048);
        } else if (keyType.equals("EC")) {
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        }
        var pair = generator.generateKeyPair();
        X509Certificate cert = pki.issueSignerFor(pair.getPublic(), "Phạm Văn Dũng", "Sở Tư pháp",
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
        List<X509Certificate> chain = new java.util.ArrayList<>(List.of(cert));
        chain.addAll(pki.signer().chain().subList(1, pki.signer().chain().size()));
        Credential credential = new Credential(pair.getPrivate(), chain);
        byte[] data = "Kết quả giải quyết thủ tục hành chính".getBytes(StandardCharsets.UTF_8);
        Path dataFile = write("d.txt", data);
        VerificationReport r = Signatures.verifyDetached(write("d.p7s", cms(data, false, credential, algorithm)),
                dataFile, trusted(true));
        assertThat(r.verdict()).as(r.summary(Locale.ENGLISH)).isEqualTo(Verdict.VALID);
        if (warning != null) {
            assertThat(only(r).warnings()).extracting(Finding::code).contains(warning);
        } else {
            assertThat(only(r).warnings()).isEmpty();
        }
        // the same signature over other data fails
        VerificationReport bad = Signatures.verifyDetached(r.fileName().isEmpty() ? null : tmp.resolve("d.p7s"),
                write("e.txt", "khác".getBytes(StandardCharsets.UTF_8)), trusted(true));
        assertThat(bad.verdict()).isEqualTo(Verdict.INVALID);
    }

    static byte[] cms(byte[] data, boolean encapsulate, Credential signer, String algorithm) throws Exception {
        var provider = new org.bouncycastle.jce.provider.BouncyCastleProvider();
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                .setProvider(provider).build()).build(new JcaContentSignerBuilder(algorithm).setProvider(provider)
                .build(signer.key()), signer.certificate()));
        gen.addCertificates(new JcaCertStore(signer.chain()));
        return gen.generate(new CMSProcessableByteArray(data), encapsulate).getEncoded();
    }
}
