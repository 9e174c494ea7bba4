package vn.motcua.signature.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.signature.sign.Fixtures.assertIntact;
import static vn.motcua.signature.sign.Fixtures.samplePdf;
import static vn.motcua.signature.sign.Fixtures.signatures;

import java.net.URI;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.motcua.signature.Signatures;
import vn.motcua.signature.sign.SigningException.Reason;
import vn.motcua.signature.testpki.Credential;
import vn.motcua.signature.testpki.KeyType;
import vn.motcua.signature.testpki.TestPki;

/** The server prepares, a device outside signs with a key the server never sees, the server completes. */
class ExternalSigningTest {

    private static TestPki pki;

    @BeforeAll
    static void start() {
        pki = TestPki.start();
    }

    @AfterAll
    static void stop() {
        pki.close();
    }

    /** A settable clock, to expire handles without waiting. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    @Test
    void deviceSigningTheDataWithRsaPssCompletesAValidB_T() throws Exception {
        ExternalSigning service = Signatures.externalSigning(Duration.ofMinutes(5));
        Credential device = pki.signer();
        PreparedSignature prepared = service.prepare(samplePdf(1), device.chain(), SignOptions.builder()
                .level(SignatureLevel.B_T).tsaUrl(URI.create(pki.tsaUrl())).build());
        assertThat(prepared.algorithm()).isEqualTo(SignatureAlgorithm.RSA_PSS_SHA256);
        assertThat(prepared.hashToSign())
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(prepared.dataToSign()));

        // the "device": only the data to sign crosses the boundary, never the key
        Signature s = Signature.getInstance("RSASSA-PSS");
        s.setParameter(SignatureAlgorithm.RSA_PSS_SHA256.pssParameters());
        s.initSign(device.key());
        s.update(prepared.dataToSign());
        byte[] signed = service.complete(prepared.handle(), s.sign());

        var sig = signatures(signed).get(0);
        assertIntact(signed, sig);
        assertThat(sig.signer().getUnsignedAttributes()).isNotNull();
        assertThat(service.pendingCount()).isZero();
        assertThatThrownBy(() -> service.complete(prepared.handle(), new byte[256]))
                .as("a handle completes once").isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.HANDLE_UNKNOWN));
    }

    @Test
    void hashSigningDeviceWithRsaPkcs1() throws Exception {
        ExternalSigning service = new ExternalSigning(Duration.ofMinutes(5));
        Credential device = pki.signer(KeyType.RSA_3072);
        PreparedSignature prepared = service.prepare(samplePdf(1), device.chain(), SignOptions.builder()
                .algorithm(SignatureAlgorithm.RSA_SHA256).build());
        // a "sign hash" token API: it receives only the hash and wraps it in DigestInfo itself
        byte[] digestInfo = new DigestInfo(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE),
                prepared.hashToSign()).getEncoded("DER");
        Signature raw = Signature.getInstance("NONEwithRSA");
        raw.initSign(device.key());
        raw.update(digestInfo);
        byte[] signed = service.complete(prepared.handle(), raw.sign());
        assertIntact(signed, signatures(signed).get(0));
    }

    @Test
    void remoteServiceReturningPlainEcdsaRAndS() throws Exception {
        ExternalSigning service = new ExternalSigning(Duration.ofMinutes(5));
        Credential device = pki.signer(KeyType.EC_P256);
        PreparedSignature prepared = service.prepare(samplePdf(1), device.chain(), SignOptions.defaults());
        assertThat(prepared.algorithm()).isEqualTo(SignatureAlgorithm.ECDSA_SHA256);
        Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
        s.initSign(device.key());
        s.update(prepared.dataToSign());
        byte[] plain = s.sign();
        assertThat(plain).hasSize(64);
        byte[] signed = service.complete(prepared.handle(), plain);
        assertIntact(signed, signatures(signed).get(0));
    }

    @Test
    void tokenPluginReturningACompleteCms() throws Exception {
        ExternalSigning service = new ExternalSigning(Duration.ofMinutes(5));
        Credential device = pki.signer();
        PreparedSignature prepared = service.prepare(samplePdf(1), device.chain(), SignOptions.defaults());
        Signature s = Signature.getInstance("RSASSA-PSS");
        s.setParameter(SignatureAlgorithm.RSA_PSS_SHA256.pssParameters());
        s.initSign(device.key());
        s.update(prepared.dataToSign());
        // the plugin wraps its signature in CMS around the signed attributes it was given
        byte[] cms = CmsAssembler.signedData(prepared.algorithm(), prepared.dataToSign(), s.sign(), device.chain(),
                null).getEncoded("DER");
        byte[] signed = service.complete(prepared.handle(), cms);
        assertIntact(signed, signatures(signed).get(0));
    }

    @Test
    void wrongSignatureIsRefusedInBothLanguagesAndTheHandleStaysUsable() throws Exception {
        ExternalSigning service = new ExternalSigning(Duration.ofMinutes(5));
        Credential device = pki.signer(KeyType.EC_P256);
        PreparedSignature prepared = service.prepare(samplePdf(1), device.chain(), SignOptions.defaults());

        // the right key over other data, as a confused or malicious device would return
        Signature other = Signature.getInstance("SHA256withECDSA");
        other.initSign(device.key());
        other.update("something else".getBytes());
        byte[] wrong = other.sign();
        assertThatThrownBy(() -> service.complete(prepared.handle(), wrong))
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
                    assertThat(e.message(Locale.forLanguageTag("vi"))).startsWith("Chữ ký trả về không khớp");
                    assertThat(e.message(Locale.ENGLISH)).startsWith("The returned signature does not match");
                    assertThat(e.getMessage()).contains("Chữ ký trả về").contains("The returned signature");
                });
        assertThatThrownBy(() -> service.complete(prepared.handle(), new byte[0]))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH));
        assertThatThrownBy(() -> service.complete(prepared.handle(), "garbage".getBytes()))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH));

        Signature right = Signature.getInstance("SHA256withECDSA");
        right.initSign(device.key());
        right.update(prepared.dataToSign());
        byte[] signed = service.complete(prepared.handle(), right.sign());
        assertIntact(signed, signatures(signed).get(0));
    }

    @Test
    void expiredAndUnknownHandlesAreRefused() throws Exception {
        MutableClock clock = new MutableClock();
        ExternalSigning service = new ExternalSigning(Duration.ofMinutes(5), clock);
        Credential device = pki.signer();
        PreparedSignature prepared = service.prepare(samplePdf(1), device.chain(), SignOptions.defaults());
        assertThat(prepared.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
        clock.advance(Duration.ofMinutes(5));
        Signature s = Signature.getInstance("RSASSA-PSS");
        s.setParameter(SignatureAlgorithm.RSA_PSS_SHA256.pssParameters());
        s.initSign(device.key());
        s.update(prepared.dataToSign());
        byte[] value = s.sign();
        assertThatThrownBy(() -> service.complete(prepared.handle(), value))
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.HANDLE_EXPIRED);
                    assertThat(e.getMessage()).contains("hết hạn").contains("expired");
                });
        assertThatThrownBy(() -> service.complete("no-such-handle", value))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.HANDLE_UNKNOWN));
        assertThatThrownBy(() -> service.complete(null, value))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.HANDLE_UNKNOWN));
        assertThat(service.pendingCount()).isZero();
    }

    @Test
    void pendingSignaturesAreBoundedAndExpiredOnesMakeRoom() throws Exception {
        MutableClock clock = new MutableClock();
        ExternalSigning service = new ExternalSigning(Duration.ofMinutes(5), clock, 2);
        byte[] pdf = samplePdf(1);
        service.prepare(pdf, pki.signer().chain(), SignOptions.defaults());
        service.prepare(pdf, pki.signer().chain(), SignOptions.defaults());
        assertThatThrownBy(() -> service.prepare(pdf, pki.signer().chain(), SignOptions.defaults()))
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PENDING);
                    assertThat(e.getMessage()).contains("quá nhiều chữ ký").contains("Too many signatures");
                });
        clock.advance(Duration.ofMinutes(6));
        assertThat(service.prepare(pdf, pki.signer().chain(), SignOptions.defaults()).handle()).isNotBlank();
        assertThat(service.pendingCount()).isEqualTo(1);
    }

    @Test
    void cancelledHandleCannotBeCompleted() throws Exception {
        ExternalSigning service = new ExternalSigning(Duration.ofMinutes(5));
        PreparedSignature prepared = service.prepare(samplePdf(1), pki.signer().chain(), SignOptions.defaults());
        assertThat(service.pendingCount()).isEqualTo(1);
        service.cancel(prepared.handle());
        assertThatThrownBy(() -> service.complete(prepared.handle(), new byte[256]))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.HANDLE_UNKNOWN));
    }
}
