package vn.motcua.signature.testpki;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A private key with its certificate chain, end entity first, up to and including the root.
 *
 * @param key   the private key
 * @param chain end entity first, root last
 */
public record Credential(PrivateKey key, List<X509Certificate> chain) {

    public Credential {
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The chain as a PKCS#12 key store with the single alias {@code "signer"}. */
    public KeyStore toPkcs12(char[] password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("signer", key, password, chain.toArray(new Certificate[0]));
            return ks;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@link #toPkcs12(char[])} to a file and returns it. */
    public Path writePkcs12(Path file, char[] password) {
        try (var out = Files.newOutputStream(file)) {
            toPkcs12(password).store(out, password);
            return file;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
