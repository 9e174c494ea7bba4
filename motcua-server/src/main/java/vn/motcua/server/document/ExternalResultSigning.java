package vn.motcua.server.document;

import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.signature.sign.ExternalSigning;
import vn.motcua.signature.sign.PreparedSignature;
import vn.motcua.signature.sign.SignOptions;
import vn.motcua.signature.sign.SigningException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Two-step signing of a result for keys that never reach the server (a token plugin in the leader's browser, a
 * remote-signing service): {@link #prepare} turns the dossier's latest draft into the hash to sign; {@link #complete}
 * takes the device's signature (raw value or CMS) and returns a signer that hands the signed PDF to SIGN_RESULT, and
 * only for the very draft that was prepared. Pending signatures live in the database table external_signature (see
 * {@link PendingSignatureTable}) for {@code motcua.signing.external.lifetime} (default 10 minutes), bound to the leader
 * who prepared them: any instance can complete them, also after a restart, and a handle completes once. At most
 * {@code motcua.signing.external.max-pending-per-user} (default 10) wait per leader and
 * {@code motcua.signing.external.max-pending} (default 1000) in all; more are refused (TOO_MANY_PENDING).
 */
@Component
public class ExternalResultSigning {

    /** A completed signature, ready to be recorded by SIGN_RESULT at {@code version}. */
    public record Completed(long dossierId, int version, ResultSigner signer) {
    }

    private final PendingSignatureTable table;
    private final ExternalSigning external;
    private final List<X509Certificate> configuredChain;
    private final Clock clock;
    private final Duration lifetime;
    private final int maxPending;
    private final int maxPendingPerUser;

    public ExternalResultSigning(Environment env, Clock clock, PendingSignatureTable table) {
        this.clock = clock;
        this.table = table;
        this.lifetime = env.getProperty("motcua.signing.external.lifetime", Duration.class, Duration.ofMinutes(10));
        this.maxPending = env.getProperty("motcua.signing.external.max-pending", Integer.class,
                ExternalSigning.DEFAULT_MAX_PENDING);
        this.maxPendingPerUser = env.getProperty("motcua.signing.external.max-pending-per-user", Integer.class, 10);
        this.external = new ExternalSigning(lifetime, clock, maxPending, table.store());
        String chain = env.getProperty("motcua.signing.external.chain", "");
        try {
            this.configuredChain = chain.isBlank() ? List.of() : certificates(Files.readAllBytes(Path.of(chain)));
        } catch (IOException e) {
            throw new UncheckedIOException("motcua.signing.external.chain: " + e.getMessage(), e);
        }
    }

    /** Whether a chain is configured, so the leader need not upload one. */
    public boolean hasConfiguredChain() {
        return !configuredChain.isEmpty();
    }

    /**
     * Prepares the draft for the leader's signature.
     *
     * @param uploadedChain the leader's certificate chain (PEM, DER or PKCS#7; signer first), or null/empty for the
     *                      configured one
     */
    public PreparedSignature prepare(String username, long dossierId, int version, String dossierCode,
                                     byte[] pdf, byte[] uploadedChain) {
        List<X509Certificate> chain = uploadedChain == null || uploadedChain.length == 0 ? configuredChain
                : parseChain(uploadedChain);
        if (chain.isEmpty()) {
            throw new DeskException(HttpStatus.UNPROCESSABLE_CONTENT, "error.signing.chainRequired");
        }
        if (FileType.sniff(Arrays.copyOf(pdf, Math.min(pdf.length, FileType.SNIFF_BYTES))).orElse(null) != FileType.PDF) {
            throw new DeskException(HttpStatus.UNPROCESSABLE_CONTENT, "error.signing", "NOT_A_PDF");
        }
        // one leader cannot fill the overall bound and lock the others out
        if (table.countFor(username, clock.instant()) >= maxPendingPerUser) {
            throw new DeskException(HttpStatus.UNPROCESSABLE_CONTENT, "error.signing",
                    SigningException.Reason.TOO_MANY_PENDING.name());
        }
        ExternalSigning bound = new ExternalSigning(lifetime, clock, maxPending, table.forPrepare(
                new PendingSignatureTable.Binding(dossierId, version, digest(pdf), username)));
        try {
            return bound.prepare(pdf, chain, SignOptions.builder().reason(dossierCode).clock(clock).build());
        } catch (SigningException e) {
            throw new DeskException(HttpStatus.UNPROCESSABLE_CONTENT, "error.signing", e.reason().name());
        }
    }

    /**
     * Writes the device's signature into the prepared PDF. A signature that does not match leaves the handle usable
     * (the device may retry) and changes nothing. Of two requests completing one handle, one gets the signed PDF and
     * the other HANDLE_UNKNOWN.
     */
    public Completed complete(String username, long dossierId, String handle, byte[] signature) {
        PendingSignatureTable.Binding p = handle == null ? null : table.binding(handle).orElse(null);
        if (p == null || p.dossierId() != dossierId || !p.username().equals(username)) {
            throw new DeskException(HttpStatus.UNPROCESSABLE_CONTENT, "error.signing", "HANDLE_UNKNOWN");
        }
        byte[] signed;
        try {
            signed = external.complete(handle, signature);
        } catch (SigningException e) {
            throw new DeskException(HttpStatus.UNPROCESSABLE_CONTENT, "error.signing", e.reason().name());
        }
        ResultSigner signer = (pdf, resultCode, leader, at) -> {
            // SIGN_RESULT reads the latest draft again: it must be the one whose hash the leader signed.
            if (!MessageDigest.isEqual(digest(pdf), p.draftDigest())) {
                throw new DeskException(HttpStatus.CONFLICT, "error.signing.draftChanged");
            }
            return new ResultSigner.SignedResult(signed, true);
        };
        return new Completed(dossierId, p.version(), signer);
    }

    private static byte[] digest(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<X509Certificate> parseChain(byte[] content) {
        try {
            List<X509Certificate> chain = certificates(content);
            if (chain.isEmpty()) {
                throw new DeskException(HttpStatus.UNPROCESSABLE_CONTENT, "error.signing.chain");
            }
            return chain;
        } catch (UncheckedIOException e) {
            throw new DeskException(HttpStatus.UNPROCESSABLE_CONTENT, "error.signing.chain");
        }
    }

    /** PEM (one or more), DER or PKCS#7 certificates, in file order. */
    private static List<X509Certificate> certificates(byte[] content) {
        try (InputStream in = new ByteArrayInputStream(content)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (CertificateException | IOException e) {
            throw new UncheckedIOException(new IOException(e.getMessage(), e));
        }
    }
}
