package vn.motcua.server.document;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.signature.Signatures;
import vn.motcua.signature.verify.SignatureReport;
import vn.motcua.signature.verify.Verdict;
import vn.motcua.signature.verify.VerificationOptions;
import vn.motcua.signature.verify.VerificationReport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Ký số page's PIN prompt against a real PKCS#11 token (SoftHSM2): the signer is built by
 * {@link SigningConfiguration} from key-source=pkcs11 without a PIN, as in production, and the leader's typed PIN opens
 * the token for one signature (the token: {@link SoftHsmToken}).
 */
class LeaderSignerPkcs11Test {

    private static final String PIN = SoftHsmToken.PIN;

    private static long slot;
    private static X509Certificate leaderCert;

    @TempDir
    static Path dir;

    @BeforeAll
    static void token() throws Exception {
        SoftHsmToken token = SoftHsmToken.get("LeaderSignerPkcs11Test");
        slot = token.slot();
        leaderCert = token.leaderCert();
    }

    /** The signer exactly as the application builds it for a PKCS#11 token whose PIN is not configured. */
    private static LeaderSigner configured() throws Exception {
        MockEnvironment env = new MockEnvironment()
                .withProperty("motcua.signing.key-source", "pkcs11")
                .withProperty("motcua.signing.pkcs11.library", SoftHsmToken.LIBRARY.toString())
                .withProperty("motcua.signing.pkcs11.slot", Long.toString(slot));
        return new SigningConfiguration().leaderSigner(env, new NoSignerConfigured());
    }

    @Test
    void theLeadersPinOpensTheTokenForOneRsaPssSignatureThatVerifies() throws Exception {
        LeaderSigner signer = configured();
        assertThat(signer.asksForPin()).isTrue();
        assertThat(signer.signsOnServer()).isTrue();
        char[] pin = PIN.toCharArray();

        ResultSigner.SignedResult result = signer.withPin(pin,
                () -> signer.sign(SigningFixtures.blankPdf(), "KQ-PKCS11", "leader", Instant.now()));

        assertThat(pin).containsOnly('\0');
        assertThat(result.signed()).isTrue();
        Path signed = dir.resolve("signed.pdf");
        Files.write(signed, result.pdf());
        VerificationReport report = Signatures.verify(signed,
                VerificationOptions.builder().trustAnchors(List.of(leaderCert)).build());
        assertThat(report.verdict()).as(report.summary(java.util.Locale.ENGLISH)).isEqualTo(Verdict.VALID);
        assertThat(report.signatures()).hasSize(1);
        SignatureReport s = report.signatures().get(0);
        assertThat(s.signerName()).isEqualTo("Lãnh đạo PKCS11");
        assertThat(s.signatureAlgorithm()).isEqualTo("RSAPSS");
        assertThat(s.coverage()).isEqualTo(SignatureReport.Coverage.WHOLE_FILE);

        // The key was closed (and the token logged out) with the action: a later signature needs the right PIN again.
        assertThatThrownBy(() -> signer.sign(SigningFixtures.blankPdf(), "KQ-2", "leader", Instant.now()))
                .isInstanceOfSatisfying(DeskException.class,
                        e -> assertThat(e.key()).isEqualTo("error.signing.pinRequired"));
        assertThatThrownBy(() -> signer.withPin("135790".toCharArray(),
                () -> signer.sign(SigningFixtures.blankPdf(), "KQ-3", "leader", Instant.now())))
                .isInstanceOfSatisfying(DeskException.class, e -> assertThat(e.key()).isEqualTo("error.signing.pin"));
    }

    @Test
    void aWrongPinIsRefusedWithATypedErrorAndNothingIsSigned() throws Exception {
        LeaderSigner signer = configured();
        char[] pin = "000000".toCharArray();
        AtomicBoolean ran = new AtomicBoolean();

        assertThatThrownBy(() -> signer.withPin(pin, () -> {
            ran.set(true);
            return signer.sign(SigningFixtures.blankPdf(), "KQ-WRONG", "leader", Instant.now());
        })).isInstanceOfSatisfying(DeskException.class, e -> {
            assertThat(e.key()).isEqualTo("error.signing.pin");
            assertThat(e.status().value()).isEqualTo(422);
        });
        assertThat(ran).isFalse();
        assertThat(pin).containsOnly('\0');

        // The refusal left the token usable: the right PIN still signs.
        ResultSigner.SignedResult result = signer.withPin(PIN.toCharArray(),
                () -> signer.sign(SigningFixtures.blankPdf(), "KQ-RIGHT", "leader", Instant.now()));
        assertThat(result.signed()).isTrue();
    }


    @Test
    void aSecondPinWaitsForTheSignatureInProgressInsteadOfRidingOnItsLogin() throws Exception {
        LeaderSigner signer = configured();
        AtomicReference<Object> second = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                second.set(signer.withPin("999999".toCharArray(),
                        () -> signer.sign(SigningFixtures.blankPdf(), "KQ-OTHER", "other", Instant.now())));
            } catch (RuntimeException e) {
                second.set(e);
            }
        });

        ResultSigner.SignedResult first = signer.withPin(PIN.toCharArray(), () -> {
            other.start();
            // Let the second request reach the token while this one holds it logged in (bounded wait).
            for (int i = 0; i < 200 && other.getState() != Thread.State.BLOCKED && other.isAlive(); i++) {
                sleep(25);
            }
            return signer.sign(SigningFixtures.blankPdf(), "KQ-FIRST", "leader", Instant.now());
        });
        other.join(60_000);

        assertThat(first.signed()).isTrue();
        assertThat(second.get()).isInstanceOfSatisfying(DeskException.class,
                e -> assertThat(e.key()).isEqualTo("error.signing.pin"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
