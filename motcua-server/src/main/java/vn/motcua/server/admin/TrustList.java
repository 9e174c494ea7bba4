package vn.motcua.server.admin;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.server.audit.AuditLog;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.server.security.DeskUser;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The trust list: CA certificates (PEM or DER) administrators add or remove without a release. Only CA certificates
 * (basic constraints CA=true) are accepted. {@link #anchors()} is what signature verification reads.
 */
@Service
public class TrustList {

    private static final int MAX_BYTES = 64 * 1024;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    public TrustList(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public record Anchor(long id, String sha256, String subject, String issuer, Instant notBefore, Instant notAfter,
                         boolean expired, Instant addedAt, String addedBy, String serial) {
    }

    public List<Anchor> list(DeskUser user) {
        AdminCalendar.admin(user);
        Instant now = clock.instant();
        return jdbc.sql("""
                        select id, sha256, subject, issuer, not_before, not_after, added_at, added_by, der
                        from admin_trust_anchor where removed_at is null order by not_after""")
                .query((rs, i) -> new Anchor(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(6).toInstant().isBefore(now), rs.getTimestamp(7).toInstant(), rs.getString(8),
                        parse(rs.getBytes(9)).getSerialNumber().toString(16)))
                .list();
    }

    /** The current trust anchors, for the signature verifier. */
    public List<X509Certificate> anchors() {
        return jdbc.sql("select der from admin_trust_anchor where removed_at is null order by id")
                .query((rs, i) -> parse(rs.getBytes(1))).list();
    }

    @Transactional
    public Anchor add(DeskUser user, byte[] content) {
        AdminCalendar.admin(user);
        if (content != null && content.length > MAX_BYTES) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "admin.trust.error.tooLarge", MAX_BYTES / 1024);
        }
        if (content == null || content.length == 0) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "admin.error.certificate");
        }
        X509Certificate cert = parse(content);
        if (cert.getBasicConstraints() < 0) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "admin.error.notCa");
        }
        byte[] der;
        try {
            der = cert.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "admin.error.certificate");
        }
        String sha = sha256(der);
        int added = jdbc.sql("""
                        insert into admin_trust_anchor (sha256, subject, issuer, not_before, not_after, der, added_by)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(sha, cert.getSubjectX500Principal().getName(), cert.getIssuerX500Principal().getName(),
                        Timestamp.from(cert.getNotBefore().toInstant()), Timestamp.from(cert.getNotAfter().toInstant()),
                        der, user.username())
                .update();
        if (added == 0) {
            throw new DeskException(HttpStatus.CONFLICT, "admin.error.duplicateCertificate");
        }
        audit.record(user.username(), "admin.trust.add", sha, cert.getSubjectX500Principal().getName());
        return list(user).stream().filter(a -> a.sha256().equals(sha)).findFirst().orElseThrow();
    }

    @Transactional
    public void remove(DeskUser user, long id) {
        AdminCalendar.admin(user);
        String sha = jdbc.sql("""
                        update admin_trust_anchor set removed_at = now(), removed_by = ?
                        where id = ? and removed_at is null returning sha256""")
                .params(user.username(), id).query(String.class).optional()
                .orElseThrow(() -> new DeskException(HttpStatus.NOT_FOUND, "admin.error.noCertificate"));
        audit.record(user.username(), "admin.trust.remove", sha, null);
    }

    private static X509Certificate parse(byte[] content) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(content));
        } catch (CertificateException | ClassCastException e) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "admin.error.certificate");
        }
    }

    private static String sha256(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
