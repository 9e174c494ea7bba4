package vn.motcua.server.document;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Assumptions;
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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.AuthProvider;
import java.security.KeyStore;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Ký số page's PIN prompt against a real PKCS#11 token (SoftHSM2): the signer is built by
 * {@link SigningConfiguration} from key-source=pkcs11 without a PIN, as in production, and the leader's typed PIN opens
 * the token for one signature. A fresh token lives in target/softhsm2 (surefire points SOFTHSM2_CONF there).
 */
class LeaderSignerPkcs11Test {

    private static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    private static final String PIN = "246810";

    private static long slot;
    private static X509Certificate leaderCert;

    @TempDir
    static Path dir;

    @BeforeAll
    static void token() throws Exception {
        String conf = System.getenv("SOFTHSM2_CONF");
        String why = !Files.isRegularFile(LIBRARY) ? LIBRARY + " not found (install the softhsm2 package)"
                : conf == null ? "SOFTHSM2_CONF not set (run through Maven, whose surefire configuration sets it)"
                : !onPath("softhsm2-util") ? "softhsm2-util not on PATH (install the softhsm2 package)" : null;
        if (why != null) {
            System.out.println("SKIPPED: LeaderSignerPkcs11Test: " + why);
        }
        Assumptions.assumeTrue(why == null, why);

        Path confFile = Path.of(conf);
        Path tokens = confFile.resolveSibling("tokens");
        if (Files.exists(tokens)) {
            try (Stream<Path> walk = Files.walk(tokens)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(tokens);
        Files.writeString(confFile, "directories.tokendir = " + tokens.toAbsolutePath() + "\n"
                + "objectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n", StandardCharsets.UTF_8);
        String out = run("softhsm2-util", "--init-token", "--free", "--label", "motcua-leader", "--pin", PIN,
                "--so-pin", "13579135");
        Matcher m = Pattern.compile("reassigned to slot (\\d+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        slot = Long.parseLong(m.group(1));

        // The leader's key and certificate, imported as a CA's key ceremony would put them on the token.
        KeyPair pair = SigningFixtures.rsa2048();
        leaderCert = SigningFixtures.selfIssued(pair, "CN=Lãnh đạo PKCS11, O=UBND Phường Thử nghiệm, C=VN",
                "SHA256withRSA", null, KeyUsage.digitalSignature | KeyUsage.nonRepudiation | KeyUsage.keyCertSign);
        AuthProvider setup = (AuthProvider) Security.getProvider("SunPKCS11")
                .configure("--name = motcua-leader-setup\nlibrary = " + LIBRARY + "\nslot = " + slot + "\n");
        KeyStore ks = KeyStore.getInstance("PKCS11", setup);
        ks.load(null, PIN.toCharArray());
        ks.setKeyEntry("leader", pair.getPrivate(), null, new Certificate[]{leaderCert});
        // PKCS#11 login is per process: while this session stays logged in, any PIN would be accepted.
        setup.logout();
    }

    /** The signer exactly as the application builds it for a PKCS#11 token whose PIN is not configured. */
    private static LeaderSigner configured() throws Exception {
        MockEnvironment env = new MockEnvironment()
                .withProperty("motcua.signing.key-source", "pkcs11")
                .withProperty("motcua.signing.pkcs11.library", LIBRARY.toString())
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

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
