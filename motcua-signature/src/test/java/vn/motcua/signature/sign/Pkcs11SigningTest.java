package vn.motcua.signature.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.signature.sign.Fixtures.assertIntact;
import static vn.motcua.signature.sign.Fixtures.samplePdf;
import static vn.motcua.signature.sign.Fixtures.signatures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.motcua.signature.Signatures;
import vn.motcua.signature.sign.SigningException.Reason;
import vn.motcua.signature.testpki.KeyType;
import vn.motcua.signature.testpki.TestPki;

/**
 * PKCS#11 signing against SoftHSM2: a fresh token in target/softhsm2 (the surefire configuration points SOFTHSM2_CONF
 * there), keys imported from the test PKI and one generated inside the token.
 */
class Pkcs11SigningTest {

    private static final List<Path> LIBRARIES = List.of(Path.of("/usr/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/local/lib/softhsm/libsofthsm2.so"));
    private static final char[] PIN = "123456".toCharArray();

    private static TestPki pki;
    private static Path library;
    private static long slot;

    @BeforeAll
    static void token() throws Exception {
        library = LIBRARIES.stream().filter(Files::isRegularFile).findFirst().orElse(null);
        String conf = System.getenv("SOFTHSM2_CONF");
        String why = library == null ? "libsofthsm2.so not found (install the softhsm2 package)"
                : conf == null ? "SOFTHSM2_CONF not set (run through Maven, whose surefire configuration sets it)"
                : !onPath("softhsm2-util") ? "softhsm2-util not on PATH (install the softhsm2 package)" : null;
        if (why != null) {
            System.out.println("SKIPPED: PKCS#11 tests: " + why);
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
        String out = run("softhsm2-util", "--init-token", "--free", "--label", "motcua-test", "--pin",
                new String(PIN), "--so-pin", "87654321");
        Matcher m = Pattern.compile("reassigned to slot (\\d+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        slot = Long.parseLong(m.group(1));

        pki = TestPki.start();
        Provider p11 = provider();
        KeyStore ks = KeyStore.getInstance("PKCS11", p11);
        ks.load(null, PIN);
        // imported software keys, as a CA's key ceremony would put them on a token
        ks.setKeyEntry("rsa", pki.signer().key(), null, pki.signer().chain().toArray(new Certificate[0]));
        ks.setKeyEntry("ec", pki.signer(KeyType.EC_P256).key(), null,
                pki.signer(KeyType.EC_P256).chain().toArray(new Certificate[0]));
        // a key generated inside the token; only its public half leaves it, to be certified
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA", p11);
        gen.initialize(2048);
        KeyPair kp = gen.generateKeyPair();
        X509Certificate cert = pki.issueSignerFor(kp.getPublic(), "Vũ Thị Giang", "Sở Tư pháp",
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(365)));
        ks.setKeyEntry("generated", kp.getPrivate(), null,
                new Certificate[] {cert, pki.intermediateCertificate(), pki.rootCertificate()});
        assertThat(java.util.Collections.list(ks.aliases())).contains("rsa", "ec", "generated");
    }

    @AfterAll
    static void stop() {
        if (pki != null) {
            pki.close();
        }
    }

    private static Provider provider() {
        return Security.getProvider("SunPKCS11").configure("--name = motcua-test-setup\nlibrary = " + library
                + "\nslot = " + slot + "\n");
    }

    @Test
    void rsaPssOnTheToken() throws Exception {
        try (SigningKey key = SigningKeys.pkcs11(library, slot, PIN, "rsa")) {
            byte[] signed = Signatures.sign(samplePdf(1), key, SignOptions.builder()
                    .level(SignatureLevel.B_T).tsaUrl(java.net.URI.create(pki.tsaUrl())).build());
            var s = signatures(signed).get(0);
            assertIntact(signed, s);
            assertThat(s.signer().getEncryptionAlgOID()).isEqualTo(PKCSObjectIdentifiers.id_RSASSA_PSS.getId());
        }
    }

    @Test
    void keyGeneratedInsideTheTokenWithPkcs1AndPss() throws Exception {
        try (SigningKey key = SigningKeys.pkcs11(library, slot, PIN, "generated")) {
            assertThat(key.chain().get(0).getSubjectX500Principal().getName()).contains("Vũ Thị Giang");
            byte[] once = Signatures.sign(samplePdf(1), key, SignOptions.builder()
                    .algorithm(SignatureAlgorithm.RSA_SHA256).build());
            byte[] twice = Signatures.sign(once, key, SignOptions.builder()
                    .algorithm(SignatureAlgorithm.RSA_PSS_SHA512).build());
            var all = signatures(twice);
            assertThat(all).hasSize(2);
            for (var s : all) {
                assertIntact(twice, s);
            }
        }
    }

    @Test
    void ecdsaOnTheToken() throws Exception {
        try (SigningKey key = SigningKeys.pkcs11(library, slot, PIN, "ec")) {
            byte[] signed = Signatures.sign(samplePdf(1), key, SignOptions.defaults());
            assertIntact(signed, signatures(signed).get(0));
        }
    }

    @Test
    void wrongPinUnknownAliasAndMissingLibraryAreTypedErrors() {
        assertThatThrownBy(() -> SigningKeys.pkcs11(library, slot, "000000".toCharArray(), "rsa"))
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSWORD);
                    assertThat(e.getMessage()).contains("Sai mật khẩu hoặc mã PIN").contains("Wrong password or PIN");
                });
        assertThatThrownBy(() -> SigningKeys.pkcs11(library, slot, PIN, "no-such-key"))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.KEY_NOT_FOUND));
        assertThatThrownBy(() -> SigningKeys.pkcs11(Path.of("/nonexistent/libpkcs11.so"), slot, PIN, null))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.PKCS11_UNAVAILABLE));
        assertThatThrownBy(() -> SigningKeys.pkcs11(library, slot + 9999, PIN, null))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.PKCS11_UNAVAILABLE));
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
