package vn.motcua.signature.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the verifier trusts and how strict it is. Immutable; build with {@link #builder()}.
 *
 * @param trustAnchors  trusted root (or intermediate) certificates; empty = nothing trusted, chains come out INDETERMINATE
 * @param online        fetch OCSP / CRLs from the certificates' URLs when embedded data does not settle revocation
 * @param onlineTimeout connect and read timeout of each online request
 * @param policy        LENIENT (default) or STRICT, see {@link Policy}
 */
public record VerificationOptions(List<X509Certificate> trustAnchors, boolean online, Duration onlineTimeout,
                                  Policy policy) {

    public VerificationOptions {
        trustAnchors = List.copyOf(trustAnchors);
    }

    /**
     * LENIENT verifies signed attributes over the bytes as stored when they are not in DER set order and reports a
     * non-conformance warning (what Adobe Reader and NSS accept); STRICT rejects them (what EU DSS does).
     */
    public enum Policy { LENIENT, STRICT }

    public static VerificationOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final List<X509Certificate> anchors = new ArrayList<>();
        private boolean online;
        private Duration timeout = Duration.ofSeconds(10);
        private Policy policy = Policy.LENIENT;

        public Builder trustAnchors(Collection<X509Certificate> certificates) {
            anchors.addAll(certificates);
            return this;
        }

        /**
         * Adds every certificate in a PEM or DER file, or in every regular file of a directory (not recursive; files that
         * hold no certificate are an error, so a typo in the trust list is noticed).
         */
        public Builder trustList(Path fileOrDirectory) throws IOException {
            anchors.addAll(loadCertificates(fileOrDirectory));
            return this;
        }

        public Builder online(boolean enabled) {
            this.online = enabled;
            return this;
        }

        public Builder onlineTimeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder policy(Policy policy) {
            this.policy = policy;
            return this;
        }

        public VerificationOptions build() {
            return new VerificationOptions(anchors, online, timeout, policy);
        }
    }

    static List<X509Certificate> loadCertificates(Path fileOrDirectory) throws IOException {
        List<Path> files;
        if (Files.isDirectory(fileOrDirectory)) {
            try (Stream<Path> s = Files.list(fileOrDirectory)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
        } else {
            files = List.of(fileOrDirectory);
        }
        List<X509Certificate> result = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                // CertificateFactory reads both PEM (several blocks) and DER
                Collection<? extends java.security.cert.Certificate> certs =
                        CertificateFactory.getInstance("X.509").generateCertificates(in);
                if (certs.isEmpty()) {
                    throw new IOException("No certificate in trust list file " + file);
                }
                certs.forEach(c -> result.add((X509Certificate) c));
            } catch (CertificateException e) {
                throw new IOException("Not a certificate file in trust list: " + file, e);
            }
        }
        return result;
    }
}
