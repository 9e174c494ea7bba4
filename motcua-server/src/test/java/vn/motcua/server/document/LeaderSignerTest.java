package vn.motcua.server.document;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.signature.sign.SignatureLevel;
import vn.motcua.signature.sign.SigningKey;
import vn.motcua.signature.sign.SigningKeys;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Date;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The PIN prompt at the unit level: the key opener stands for the PKCS#11 token (SigningKeys.pkcs11 is the library's,
 * tested on SoftHSM2 in motcua-signature); here a PKCS#12 file whose password plays the PIN. What is tested is the
 * server's handling: the PIN is zeroed after use, a refused PIN stops the action, the key signs only inside it.
 */
class LeaderSignerTest {

    private static final Function<SigningKey, ConfiguredResultSigner> WITH_KEY = key -> new ConfiguredResultSigner(key,
            SignatureLevel.B_B, null, new ConfiguredResultSigner.Images(null, null, ""),
            new ConfiguredResultSigner.Placement(0, 0, 0));

    private final AtomicReference<char[]> seen = new AtomicReference<>();

    @TempDir
    static Path dir;
    static Path p12;

    @BeforeAll
    static void token() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        X500Name name = new X500Name("CN=Lãnh đạo thử nghiệm, C=VN");
        Instant now = Instant.now();
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.ONE, Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))),
                name, pair.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("leader", pair.getPrivate(), "secret".toCharArray(), new Certificate[]{cert});
        p12 = dir.resolve("token.p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            ks.store(out, "secret".toCharArray());
        }
    }

    private LeaderSigner pinPrompted() {
        return new LeaderSigner(null, pin -> {
            seen.set(pin);
            return SigningKeys.pkcs12(p12, pin, null);
        }, WITH_KEY, new NoSignerConfigured());
    }

    private static byte[] blankPdf() throws Exception {
        try (PDDocument d = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            d.addPage(new PDPage());
            d.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void theTypedPinSignsInsideTheActionOnlyAndIsZeroedAfterwards() throws Exception {
        LeaderSigner signer = pinPrompted();
        assertThat(signer.asksForPin()).isTrue();
        char[] pin = "secret".toCharArray();

        ResultSigner.SignedResult result = signer.withPin(pin,
                () -> signer.sign(blankPdf0(), "X-KQ1", "leader", Instant.now()));

        assertThat(result.signed()).isTrue();
        assertThat(new String(result.pdf(), 0, 5)).isEqualTo("%PDF-");
        assertThat(seen.get()).isSameAs(pin);
        assertThat(pin).containsOnly('\0');
        // Outside an action there is no PIN: refusing is better than storing the result unsigned.
        assertThatThrownBy(() -> signer.sign(blankPdf(), "X-KQ2", "leader", Instant.now()))
                .isInstanceOfSatisfying(DeskException.class, e -> assertThat(e.key()).isEqualTo("error.signing.pinRequired"));
    }

    @Test
    void aWrongPinIsAClearErrorAndTheActionDoesNotRun() throws Exception {
        LeaderSigner signer = pinPrompted();
        char[] pin = "wrong".toCharArray();
        AtomicBoolean ran = new AtomicBoolean();

        assertThatThrownBy(() -> signer.withPin(pin, () -> {
            ran.set(true);
            return null;
        })).isInstanceOfSatisfying(DeskException.class, e -> {
            assertThat(e.key()).isEqualTo("error.signing.pin");
            assertThat(e.status().value()).isEqualTo(422);
        });
        assertThat(ran).isFalse();
        assertThat(pin).containsOnly('\0');
    }

    @Test
    void withoutAPinPromptAPinIsRefusedAndNothingConfiguredStoresUnsigned() throws Exception {
        LeaderSigner none = new LeaderSigner(null, null, WITH_KEY, new NoSignerConfigured());
        char[] pin = "1234".toCharArray();
        assertThatThrownBy(() -> none.withPin(pin, () -> null)).isInstanceOf(DeskException.class);
        assertThat(pin).containsOnly('\0');
        byte[] pdf = blankPdf();
        ResultSigner.SignedResult result = none.sign(pdf, "X-KQ1", "leader", Instant.now());
        assertThat(result.signed()).isFalse();
        assertThat(Arrays.equals(result.pdf(), pdf)).isTrue();
    }

    private static byte[] blankPdf0() {
        try {
            return blankPdf();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
