package vn.motcua.signature.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.signature.sign.Fixtures.assertIntact;
import static vn.motcua.signature.sign.Fixtures.samplePdf;
import static vn.motcua.signature.sign.Fixtures.signatures;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.motcua.signature.Signatures;
import vn.motcua.signature.sign.SigningException.Reason;
import vn.motcua.signature.testpki.Credential;
import vn.motcua.signature.testpki.KeyType;
import vn.motcua.signature.testpki.TestPki;

class PadesSigningTest {

    private static TestPki pki;

    @BeforeAll
    static void start() {
        pki = TestPki.start();
    }

    @AfterAll
    static void stop() {
        pki.close();
    }

    static SigningKey key(Credential c) throws SigningException {
        return new SigningKey() {
            @Override
            public List<java.security.cert.X509Certificate> chain() {
                return c.chain();
            }

            @Override
            public byte[] sign(byte[] data, SignatureAlgorithm algorithm) throws SigningException {
                try {
                    var s = java.security.Signature.getInstance(algorithm.jcaName());
                    if (algorithm.pss()) {
                        s.setParameter(algorithm.pssParameters());
                    }
                    s.initSign(c.key());
                    s.update(data);
                    return s.sign();
                } catch (Exception e) {
                    throw new SigningException(Reason.SIGNING_FAILED, e, e.getMessage());
                }
            }
        };
    }

    @Test
    void baselineBWithRsaPssByDefault() throws Exception {
        byte[] signed = Signatures.sign(samplePdf(1), key(pki.signer()), SignOptions.builder().reason("Phê duyệt")
                .location("TP Hồ Chí Minh").build());

        var all = signatures(signed);
        assertThat(all).hasSize(1);
        var s = all.get(0);
        assertIntact(signed, s);
        assertThat(s.dictionary().getSubFilter()).isEqualTo("ETSI.CAdES.detached");
        assertThat(s.dictionary().getReason()).isEqualTo("Phê duyệt");
        assertThat(s.dictionary().getName()).isEqualTo("Nguyễn Văn An");
        assertThat(s.signer().getEncryptionAlgOID()).isEqualTo(PKCSObjectIdentifiers.id_RSASSA_PSS.getId());
        var attrs = s.signer().getSignedAttributes();
        assertThat(attrs.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
        assertThat(attrs.get(CMSAttributes.signingTime)).as("PAdES: claimed time goes in /M").isNull();
        assertThat(attrs.get(CMSAttributes.contentType)).isNotNull();
        assertThat(s.signer().getUnsignedAttributes()).isNull();
        // the signature covers the whole file except /Contents
        int[] br = s.dictionary().getByteRange();
        assertThat(br[2] + br[3]).isEqualTo(signed.length);
    }

    @ParameterizedTest
    @CsvSource({"RSA_2048,RSA_SHA256,1.2.840.113549.1.1.11", "RSA_3072,RSA_PSS_SHA384,1.2.840.113549.1.1.10",
            "EC_P256,ECDSA_SHA256,1.2.840.10045.4.3.2", "EC_P256,,1.2.840.10045.4.3.2"})
    void algorithmsOnRequest(KeyType type, SignatureAlgorithm algorithm, String oid) throws Exception {
        byte[] signed = Signatures.sign(samplePdf(1), key(pki.signer(type)),
                SignOptions.builder().algorithm(algorithm).build());
        var s = signatures(signed).get(0);
        assertIntact(signed, s);
        assertThat(s.signer().getEncryptionAlgOID()).isEqualTo(oid);
    }

    @Test
    void algorithmThatDoesNotFitTheKeyIsRefused() {
        assertThatThrownBy(() -> Signatures.sign(samplePdf(1), key(pki.signer(KeyType.EC_P256)),
                SignOptions.builder().algorithm(SignatureAlgorithm.RSA_PSS_SHA256).build()))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ALGORITHM_MISMATCH));
    }

    @Test
    void baselineTCarriesASignatureTimestampOverTheSignatureValue() throws Exception {
        long before = pki.tsaRequestCount();
        byte[] signed = Signatures.sign(samplePdf(1), key(pki.signer()), SignOptions.builder()
                .level(SignatureLevel.B_T).tsaUrl(URI.create(pki.tsaUrl())).build());
        assertThat(pki.tsaRequestCount()).isEqualTo(before + 1);
        var s = signatures(signed).get(0);
        assertIntact(signed, s);
        TimeStampToken token = timestamp(s);
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(pki.tsa().certificate()));
        byte[] imprint = MessageDigest.getInstance("SHA-256").digest(s.signer().getSignature());
        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(imprint);
        assertThat(token.getTimeStampInfo().getPolicy()).isEqualTo(TestPki.TSA_POLICY);
    }

    private static TimeStampToken timestamp(Fixtures.Signed s) throws Exception {
        var attr = s.signer().getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        assertThat(attr).isNotNull();
        return new TimeStampToken(new CMSSignedData(attr.getAttrValues().getObjectAt(0).toASN1Primitive()
                .getEncoded()));
    }

    @Test
    void baselineLtAddsDssInALaterRevisionWithoutBreakingTheSignature() throws Exception {
        byte[] signed = Signatures.sign(samplePdf(1), key(pki.signer()), SignOptions.builder()
                .level(SignatureLevel.B_LT).tsaUrl(URI.create(pki.tsaUrl())).build());
        var s = signatures(signed).get(0);
        assertIntact(signed, s);
        int[] br = s.dictionary().getByteRange();
        assertThat(br[2] + br[3]).as("DSS is in a later incremental update").isLessThan(signed.length);
        timestamp(s);

        try (PDDocument doc = Loader.loadPDF(signed)) {
            COSDictionary dss = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"));
            assertThat(dss).isNotNull();
            List<byte[]> certs = streams(dss, "Certs");
            List<byte[]> ocsps = streams(dss, "OCSPs");
            assertThat(certs).anySatisfy(c -> assertThat(c).isEqualTo(pki.signer().certificate().getEncoded()));
            assertThat(certs).anySatisfy(c -> assertThat(c).isEqualTo(pki.tsa().certificate().getEncoded()));
            assertThat(certs).anySatisfy(c -> assertThat(c).isEqualTo(pki.ocspResponder().certificate().getEncoded()));
            // signer, intermediate (answered by the root) and TSA certificates each have an OCSP response
            assertThat(ocsps).hasSize(3);
            var serials = ocsps.stream().map(PadesSigningTest::ocspSerial).toList();
            assertThat(serials).contains(pki.signer().certificate().getSerialNumber(),
                    pki.intermediateCertificate().getSerialNumber(), pki.tsa().certificate().getSerialNumber());
        }
    }

    @Test
    void secondBaselineLtExtendsTheExistingDssWithoutDuplicates() throws Exception {
        SignOptions lt = SignOptions.builder().level(SignatureLevel.B_LT).tsaUrl(URI.create(pki.tsaUrl())).build();
        byte[] once = Signatures.sign(samplePdf(1), key(pki.signer()), lt);
        byte[] twice = Signatures.sign(once, key(pki.signer(KeyType.EC_P256)), lt);
        for (var s : signatures(twice)) {
            assertIntact(twice, s);
        }
        try (PDDocument doc = Loader.loadPDF(twice)) {
            COSDictionary dss = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"));
            List<byte[]> certs = streams(dss, "Certs");
            assertThat(certs).anySatisfy(c -> assertThat(c).isEqualTo(pki.signer().certificate().getEncoded()));
            assertThat(certs).anySatisfy(
                    c -> assertThat(c).isEqualTo(pki.signer(KeyType.EC_P256).certificate().getEncoded()));
            assertThat(certs.stream().map(java.util.Arrays::toString).distinct().count())
                    .as("no certificate twice").isEqualTo(certs.size());
            var serials = streams(dss, "OCSPs").stream().map(PadesSigningTest::ocspSerial).toList();
            assertThat(serials).contains(pki.signer().certificate().getSerialNumber(),
                    pki.signer(KeyType.EC_P256).certificate().getSerialNumber());
        }
    }

    @Test
    void baselineLtFetchesIssuersMissingFromTheKeyStore() throws Exception {
        Credential leafOnly = new Credential(pki.signer().key(), List.of(pki.signer().certificate()));
        byte[] signed = Signatures.sign(samplePdf(1), key(leafOnly), SignOptions.builder()
                .level(SignatureLevel.B_LT).tsaUrl(URI.create(pki.tsaUrl())).build());
        assertIntact(signed, signatures(signed).get(0));
        try (PDDocument doc = Loader.loadPDF(signed)) {
            COSDictionary dss = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"));
            List<byte[]> certs = streams(dss, "Certs");
            assertThat(certs).anySatisfy(c -> assertThat(c).isEqualTo(pki.intermediateCertificate().getEncoded()));
            assertThat(certs).anySatisfy(c -> assertThat(c).isEqualTo(pki.rootCertificate().getEncoded()));
            assertThat(streams(dss, "OCSPs").stream().map(PadesSigningTest::ocspSerial).toList())
                    .contains(pki.signer().certificate().getSerialNumber(),
                            pki.intermediateCertificate().getSerialNumber());
        }
    }

    @Test
    void baselineLtFallsBackToCrlsWhenOcspIsDown() throws Exception {
        pki.setOcspAvailable(false);
        try {
            byte[] signed = Signatures.sign(samplePdf(1), key(pki.signer()), SignOptions.builder()
                    .level(SignatureLevel.B_LT).tsaUrl(URI.create(pki.tsaUrl())).build());
            try (PDDocument doc = Loader.loadPDF(signed)) {
                COSDictionary dss = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(
                        COSName.getPDFName("DSS"));
                assertThat(streams(dss, "OCSPs")).isEmpty();
                List<byte[]> crls = streams(dss, "CRLs");
                assertThat(crls).hasSize(2);
                var factory = java.security.cert.CertificateFactory.getInstance("X.509");
                var issuers = new java.util.ArrayList<String>();
                for (byte[] der : crls) {
                    var crl = (java.security.cert.X509CRL) factory.generateCRL(new java.io.ByteArrayInputStream(der));
                    var issuer = crl.getIssuerX500Principal().equals(pki.rootCertificate().getSubjectX500Principal())
                            ? pki.rootCertificate() : pki.intermediateCertificate();
                    crl.verify(issuer.getPublicKey());
                    issuers.add(issuer.getSubjectX500Principal().getName());
                }
                // the intermediate's CRL covers the signer and the TSA, the root's CRL covers the intermediate
                assertThat(issuers).containsExactlyInAnyOrder(
                        pki.intermediateCertificate().getSubjectX500Principal().getName(),
                        pki.rootCertificate().getSubjectX500Principal().getName());
            }
        } finally {
            pki.setOcspAvailable(true);
        }
    }

    @Test
    void baselineLtRefusesARevokedSigner() {
        assertThatThrownBy(() -> Signatures.sign(samplePdf(1), key(pki.revokedSigner()), SignOptions.builder()
                .level(SignatureLevel.B_LT).tsaUrl(URI.create(pki.tsaUrl())).build()))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CERTIFICATE_REVOKED));
    }

    private static java.math.BigInteger ocspSerial(byte[] der) {
        try {
            return ((BasicOCSPResp) new OCSPResp(der).getResponseObject()).getResponses()[0].getCertID()
                    .getSerialNumber();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<byte[]> streams(COSDictionary dss, String key) throws Exception {
        COSArray array = dss.getCOSArray(COSName.getPDFName(key));
        if (array == null) {
            return List.of();
        }
        List<byte[]> out = new java.util.ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            try (InputStream in = ((COSStream) array.getObject(i)).createInputStream()) {
                out.add(in.readAllBytes());
            }
        }
        return out;
    }

    @Test
    void threeSignaturesInSequenceAllStayIntact() throws Exception {
        byte[] pdf = samplePdf(2);
        byte[] first = Signatures.sign(pdf, key(pki.signer(KeyType.RSA_3072)), SignOptions.builder()
                .reason("Chuyên viên thẩm định").build());
        byte[] second = Signatures.sign(first, key(pki.signer()), SignOptions.builder().reason("Lãnh đạo duyệt")
                .level(SignatureLevel.B_T).tsaUrl(URI.create(pki.tsaUrl())).build());
        byte[] third = Signatures.sign(second, key(pki.signer(KeyType.EC_P256)), SignOptions.builder()
                .reason("Cơ quan ban hành").level(SignatureLevel.B_LT).tsaUrl(URI.create(pki.tsaUrl())).build());

        var all = signatures(third);
        assertThat(all).hasSize(3);
        for (var s : all) {
            assertIntact(third, s);
        }
        // each earlier file is an unchanged prefix of the later one: incremental updates only
        assertThat(java.util.Arrays.copyOf(third, first.length)).isEqualTo(first);
        assertThat(java.util.Arrays.copyOf(third, second.length)).isEqualTo(second);
        assertThat(all).extracting(s -> s.dictionary().getReason())
                .containsExactly("Chuyên viên thẩm định", "Lãnh đạo duyệt", "Cơ quan ban hành");
    }

    @Test
    void classicXrefTableInputKeepsEarlierSignaturesIntact() throws Exception {
        byte[] classic;
        try (PDDocument doc = Loader.loadPDF(samplePdf(1)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
            classic = out.toByteArray();
        }
        assertThat(new String(classic, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("\nxref\n");
        byte[] once = Signatures.sign(classic, key(pki.signer()), SignOptions.defaults());
        byte[] twice = Signatures.sign(once, key(pki.signer(KeyType.EC_P256)), SignOptions.builder()
                .level(SignatureLevel.B_LT).tsaUrl(URI.create(pki.tsaUrl())).build());
        var all = signatures(twice);
        assertThat(all).hasSize(2);
        for (var s : all) {
            assertIntact(twice, s);
        }
    }

    @Test
    void certificationSignatureSetsDocMdpAndAllowsLaterApprovalsAtP2() throws Exception {
        byte[] certified = Signatures.sign(samplePdf(1), key(pki.signer()), SignOptions.builder()
                .certification(Certification.FORM_FILLING_AND_SIGNING).build());
        try (PDDocument doc = Loader.loadPDF(certified)) {
            COSDictionary perms = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PERMS);
            COSDictionary sig = perms.getCOSDictionary(COSName.getPDFName("DocMDP"));
            assertThat(sig.getCOSName(COSName.TYPE)).isEqualTo(COSName.SIG);
            COSDictionary params = ((COSDictionary) sig.getCOSArray(COSName.getPDFName("Reference")).getObject(0))
                    .getCOSDictionary(COSName.getPDFName("TransformParams"));
            assertThat(params.getInt(COSName.P)).isEqualTo(2);
            // /Perms /DocMDP is the signature dictionary of the (only) signature field, not a copy
            assertThat(sig).isSameAs(doc.getSignatureDictionaries().get(0).getCOSObject());
        }
        byte[] approved = Signatures.sign(certified, key(pki.signer(KeyType.EC_P256)), SignOptions.defaults());
        var all = signatures(approved);
        assertThat(all).hasSize(2);
        for (var s : all) {
            assertIntact(approved, s);
        }
    }

    @Test
    void noChangesCertificationLocksTheDocument() throws Exception {
        byte[] certified = Signatures.sign(samplePdf(1), key(pki.signer()), SignOptions.builder()
                .certification(Certification.NO_CHANGES).build());
        assertThatThrownBy(() -> Signatures.sign(certified, key(pki.signer()), SignOptions.defaults()))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.DOCUMENT_LOCKED));
    }

    @Test
    void certificationMustBeTheFirstSignature() throws Exception {
        byte[] signed = Signatures.sign(samplePdf(1), key(pki.signer()), SignOptions.defaults());
        assertThatThrownBy(() -> Signatures.sign(signed, key(pki.signer()), SignOptions.builder()
                .certification(Certification.FORM_FILLING_AND_SIGNING).build()))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CERTIFICATION_NOT_FIRST));
    }

    @Test
    void expiredCertificateIsRefusedButSigningAtAPastTimeWithinItsValidityWorks() throws Exception {
        assertThatThrownBy(() -> Signatures.sign(samplePdf(1), key(pki.expiredSigner()), SignOptions.defaults()))
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CERTIFICATE_NOT_VALID);
                    assertThat(e.getMessage()).contains("Chứng thư số").contains("certificate is not valid");
                });
        Instant past = pki.expiredSigner().certificate().getNotBefore().toInstant().plusSeconds(86400);
        pki.setTsaClock(Clock.fixed(past, ZoneOffset.UTC));
        try {
            byte[] signed = Signatures.sign(samplePdf(1), key(pki.expiredSigner()), SignOptions.builder()
                    .clock(Clock.fixed(past, ZoneOffset.UTC)).level(SignatureLevel.B_T)
                    .tsaUrl(URI.create(pki.tsaUrl())).build());
            var s = signatures(signed).get(0);
            assertIntact(signed, s);
            assertThat(s.dictionary().getSignDate().toInstant()).isEqualTo(past);
            assertThat(timestamp(s).getTimeStampInfo().getGenTime().toInstant()).isEqualTo(past);
        } finally {
            pki.setTsaClock(Clock.systemUTC());
        }
    }

    @Test
    void notAPdfIsRefused() {
        assertThatThrownBy(() -> Signatures.sign("hello, not a PDF at all".getBytes(), key(pki.signer()),
                SignOptions.defaults()))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_PDF));
        assertThatThrownBy(() -> Signatures.sign(new byte[0], key(pki.signer()), SignOptions.defaults()))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_PDF));
    }

    @Test
    void truncatedPdfIsRefusedNotCorrupted() {
        byte[] pdf = samplePdf(1);
        byte[] truncated = java.util.Arrays.copyOf(pdf, pdf.length / 3);
        assertThatThrownBy(() -> Signatures.sign(truncated, key(pki.signer()), SignOptions.defaults()))
                .isInstanceOf(SigningException.class);
    }

    @Test
    void malformedPdfsAreTypedErrorsNeverCrashes() {
        java.util.Random random = new java.util.Random(7);
        byte[] noise = new byte[4096];
        random.nextBytes(noise);
        byte[] header = "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] headerThenNoise = java.util.Arrays.copyOf(header, header.length + noise.length);
        System.arraycopy(noise, 0, headerThenNoise, header.length, noise.length);
        List<byte[]> inputs = List.of(noise, headerThenNoise,
                minimalPdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R] /Count 1 >>"),
                minimalPdf("<< /Type /Catalog /Pages 2 0 R >>", "(not a dictionary)"),
                minimalPdf("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"));
        for (byte[] input : inputs) {
            assertThatThrownBy(() -> Signatures.sign(input, key(pki.signer()), SignOptions.defaults()))
                    .isInstanceOfSatisfying(SigningException.class, e -> assertThat(e.reason())
                            .isIn(Reason.NOT_A_PDF, Reason.EMPTY_PDF));
        }
    }

    /** A PDF with the given objects 1, 2 … and a correct cross-reference table. */
    private static byte[] minimalPdf(String... objects) {
        StringBuilder sb = new StringBuilder("%PDF-1.7\n");
        List<Integer> offsets = new java.util.ArrayList<>();
        for (int i = 0; i < objects.length; i++) {
            offsets.add(sb.length());
            sb.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = sb.length();
        sb.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int o : offsets) {
            sb.append(String.format("%010d 00000 n \n", o));
        }
        sb.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return sb.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void encryptedPdfIsRefused() throws Exception {
        for (String userPassword : new String[] {"", "secret"}) {
            byte[] encrypted;
            try (PDDocument doc = Loader.loadPDF(samplePdf(1)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                var policy = new StandardProtectionPolicy("owner", userPassword, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
                doc.save(out);
                encrypted = out.toByteArray();
            }
            assertThatThrownBy(() -> Signatures.sign(encrypted, key(pki.signer()), SignOptions.defaults()))
                    .isInstanceOfSatisfying(SigningException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.ENCRYPTED_PDF));
        }
    }

    @Test
    void pkcs12FileSignsAndWrongPasswordIsATypedError(@TempDir Path dir) throws Exception {
        Path p12 = pki.signer().writePkcs12(dir.resolve("signer.p12"), "matkhau".toCharArray());
        try (SigningKey key = SigningKeys.pkcs12(p12, "matkhau".toCharArray(), null)) {
            assertThat(key.chain()).hasSize(3);
            byte[] signed = Signatures.sign(samplePdf(1), key, SignOptions.defaults());
            assertIntact(signed, signatures(signed).get(0));
        }
        assertThatThrownBy(() -> SigningKeys.pkcs12(p12, "sai".toCharArray(), null))
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSWORD);
                    assertThat(e.message(java.util.Locale.forLanguageTag("vi"))).startsWith("Sai mật khẩu");
                    assertThat(e.message(java.util.Locale.ENGLISH)).startsWith("Wrong password");
                });
        assertThatThrownBy(() -> SigningKeys.pkcs12(p12, "matkhau".toCharArray(), "no-such-alias"))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.KEY_NOT_FOUND));
        assertThatThrownBy(() -> SigningKeys.pkcs12(dir.resolve("missing.p12"), "x".toCharArray(), null))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.KEY_STORE_UNREADABLE));
    }

    @Test
    void unreachableTsaIsATypedError() throws Exception {
        assertThatThrownBy(() -> Signatures.sign(samplePdf(1), key(pki.signer()), SignOptions.builder()
                .level(SignatureLevel.B_T).tsaUrl(URI.create("http://127.0.0.1:1/tsa"))
                .networkTimeout(java.time.Duration.ofSeconds(2)).build()))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TIMESTAMP_FAILED));
    }
}
