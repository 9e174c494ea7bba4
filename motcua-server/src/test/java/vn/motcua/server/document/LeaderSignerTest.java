package vn.motcua.server.document;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.signature.sign.SigningKey;
import vn.motcua.signature.sign.SigningKeys;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
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

    private static final Function<SigningKey, ConfiguredResultSigner> WITH_KEY = SigningFixtures::invisibleSigner;

    private final AtomicReference<char[]> seen = new AtomicReference<>();

    @TempDir
    static Path dir;
    static Path p12;

    @BeforeAll
    static void token() throws Exception {
        KeyPair pair = SigningFixtures.rsa2048();
        X509Certificate cert = SigningFixtures.selfIssued(pair, "CN=Lãnh đạo thử nghiệm, C=VN", "SHA256withRSA", null,
                0);
        p12 = SigningFixtures.pkcs12(dir.resolve("token.p12"), pair, cert, "secret");
    }

    private LeaderSigner pinPrompted() {
        return new LeaderSigner(null, pin -> {
            seen.set(pin);
            return SigningKeys.pkcs12(p12, pin, null);
        }, WITH_KEY, new NoSignerConfigured());
    }

    @Test
    void theTypedPinSignsInsideTheActionOnlyAndIsZeroedAfterwards() throws Exception {
        LeaderSigner signer = pinPrompted();
        assertThat(signer.asksForPin()).isTrue();
        char[] pin = "secret".toCharArray();

        ResultSigner.SignedResult result = signer.withPin(pin,
                () -> signer.sign(SigningFixtures.blankPdf(), "X-KQ1", "leader", Instant.now()));

        assertThat(result.signed()).isTrue();
        assertThat(new String(result.pdf(), 0, 5)).isEqualTo("%PDF-");
        assertThat(seen.get()).isSameAs(pin);
        assertThat(pin).containsOnly('\0');
        // Outside an action there is no PIN: refusing is better than storing the result unsigned.
        assertThatThrownBy(() -> signer.sign(SigningFixtures.blankPdf(), "X-KQ2", "leader", Instant.now()))
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
        byte[] pdf = SigningFixtures.blankPdf();
        ResultSigner.SignedResult result = none.sign(pdf, "X-KQ1", "leader", Instant.now());
        assertThat(result.signed()).isFalse();
        assertThat(Arrays.equals(result.pdf(), pdf)).isTrue();
    }
}
