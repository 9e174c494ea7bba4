package vn.motcua.server.document;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The leader's SoftHSM2 token (a real PKCS#11 module), made once per test JVM: the PKCS#11 library is initialised once
 * per process, so every test class signs on this same token rather than wiping and recreating it. It lives in
 * target/softhsm2 (surefire points SOFTHSM2_CONF there) and holds an RSA key with a self-issued CA certificate.
 */
record SoftHsmToken(long slot, X509Certificate leaderCert) {

    static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    static final String PIN = "246810";

    private static SoftHsmToken made;

    /** The token, or the test is skipped with the reason when SoftHSM2 is not installed. */
    static synchronized SoftHsmToken get(String testName) throws Exception {
        String conf = System.getenv("SOFTHSM2_CONF");
        String why = !Files.isRegularFile(LIBRARY) ? LIBRARY + " not found (install the softhsm2 package)"
                : conf == null ? "SOFTHSM2_CONF not set (run through Maven, whose surefire configuration sets it)"
                : !onPath("softhsm2-util") ? "softhsm2-util not on PATH (install the softhsm2 package)" : null;
        if (why != null) {
            System.out.println("SKIPPED: " + testName + ": " + why);
        }
        Assumptions.assumeTrue(why == null, why);
        if (made == null) {
            made = make(Path.of(conf));
        }
        return made;
    }

    private static SoftHsmToken make(Path confFile) throws Exception {
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
        if (!m.find()) {
            throw new IllegalStateException("softhsm2-util did not say which slot: " + out);
        }
        long slot = Long.parseLong(m.group(1));

        // The leader's key and certificate, imported as a CA's key ceremony would put them on the token. Self-issued
        // and marked CA, so that it can stand as its own trust anchor (the trust list accepts CA certificates only).
        KeyPair pair = SigningFixtures.rsa2048();
        X509Certificate cert = SigningFixtures.selfIssued(pair, "CN=Lãnh đạo PKCS11, O=UBND Phường Thử nghiệm, C=VN",
                "SHA256withRSA", true, KeyUsage.digitalSignature | KeyUsage.nonRepudiation | KeyUsage.keyCertSign);
        AuthProvider setup = (AuthProvider) Security.getProvider("SunPKCS11")
                .configure("--name = motcua-leader-setup\nlibrary = " + LIBRARY + "\nslot = " + slot + "\n");
        KeyStore ks = KeyStore.getInstance("PKCS11", setup);
        ks.load(null, PIN.toCharArray());
        ks.setKeyEntry("leader", pair.getPrivate(), null, new Certificate[]{cert});
        // PKCS#11 login is per process: while this session stays logged in, any PIN would be accepted.
        setup.logout();
        return new SoftHsmToken(slot, cert);
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
