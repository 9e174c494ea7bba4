package vn.motcua.signature.testpki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TestPkiTest {

    private static TestPki pki;

    @BeforeAll
    static void start() {
        pki = TestPki.start();
    }

    @AfterAll
    static void stop() {
        pki.close();
    }

    @Test
    void signerChainValidatesToTheRoot() throws Exception {
        for (KeyType type : KeyType.values()) {
            var chain = pki.signer(type).chain();
            var path = CertificateFactory.getInstance("X.509").generateCertPath(chain.subList(0, 2));
            var params = new PKIXParameters(Set.of(new TrustAnchor(pki.rootCertificate(), null)));
            params.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(path, params);
        }
        assertThat(pki.signer().certificate().getSubjectX500Principal().getName()).contains("Nguyễn Văn An");
    }

    @Test
    void crlListsTheRevokedSignerOnly() throws Exception {
        var crl = pki.crl();
        crl.verify(pki.intermediateCertificate().getPublicKey());
        assertThat(crl.isRevoked(pki.revokedSigner().certificate())).isTrue();
        assertThat(crl.isRevoked(pki.signer().certificate())).isFalse();
        try (var in = URI.create(pki.crlUrl()).toURL().openStream()) {
            var fetched = (java.security.cert.X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
            assertThat(fetched.isRevoked(pki.revokedSigner().certificate())).isTrue();
        }
    }

    @Test
    void ocspResponderAnswersOverHttp() throws Exception {
        assertThat(ocspStatus(pki.signer().certificate().getSerialNumber())).isNull();
        assertThat(ocspStatus(pki.revokedSigner().certificate().getSerialNumber())).isInstanceOf(RevokedStatus.class);
    }

    private Object ocspStatus(BigInteger serial) throws Exception {
        var id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(pki.intermediateCertificate()), serial);
        byte[] req = new OCSPReqBuilder().addRequest(id).build().getEncoded();
        byte[] resp = post(pki.ocspUrl(), "application/ocsp-request", req);
        var basic = (BasicOCSPResp) new OCSPResp(resp).getResponseObject();
        assertThat(basic.isSignatureValid(new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder()
                .build(pki.ocspResponder().certificate()))).isTrue();
        return basic.getResponses()[0].getCertStatus();
    }

    @Test
    void tsaStampsWithItsClock() throws Exception {
        byte[] imprint = MessageDigest.getInstance("SHA-256").digest("hello".getBytes());
        Instant past = Instant.parse("2025-01-02T03:04:05Z");
        pki.setTsaClock(Clock.fixed(past, ZoneOffset.UTC));
        try {
            var gen = new TimeStampRequestGenerator();
            gen.setCertReq(true);
            var req = gen.generate(NISTObjectIdentifiers.id_sha256, imprint, BigInteger.TEN);
            var resp = new TimeStampResponse(post(pki.tsaUrl(), "application/timestamp-query", req.getEncoded()));
            resp.validate(req);
            var token = resp.getTimeStampToken();
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(pki.tsa().certificate()));
            assertThat(token.getTimeStampInfo().getGenTime().toInstant()).isEqualTo(past);
            assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(imprint);
        } finally {
            pki.setTsaClock(Clock.systemUTC());
        }
    }

    private static byte[] post(String url, String type, byte[] body) throws Exception {
        var c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", type);
        c.getOutputStream().write(body);
        assertThat(c.getResponseCode()).isEqualTo(200);
        try (var in = c.getInputStream(); var out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
