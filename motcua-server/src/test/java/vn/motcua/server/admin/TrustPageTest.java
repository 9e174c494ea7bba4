package vn.motcua.server.admin;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import vn.motcua.domain.office.Role;
import vn.motcua.server.Desk;
import vn.motcua.server.ServerTest;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The trust-list page: a CA uploaded as PEM or DER is listed with serial, days left, fingerprint and the expiring-soon
 * badge; garbage, huge files and end-entity certificates get their message (vi, en); removal takes it off the list.
 */
@ServerTest
class TrustPageTest {

    static final String WARD = "phuong-ayun-pa";

    @Autowired
    Desk desk;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    record Cert(byte[] der, BigInteger serial) {
        byte[] pem() {
            return ("-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                    + "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** A self-issued certificate valid from 30 days ago until {@code notAfter}; a CA when {@code ca}. */
    static Cert certificate(String cn, Instant notAfter, boolean ca) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = g.generateKeyPair();
        X500Name name = new X500Name("CN=" + cn + ", O=MotCua test, C=VN");
        BigInteger serial = new BigInteger(64, new Random()).setBit(63);
        Instant notBefore = Instant.now().minus(Duration.ofDays(30));
        var builder = new JcaX509v3CertificateBuilder(name, serial,
                Date.from(notBefore.isBefore(notAfter) ? notBefore : notAfter.minus(Duration.ofDays(1))),
                Date.from(notAfter), name, pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        return new Cert(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()))
                .getEncoded(), serial);
    }

    private MvcResult upload(byte[] content, String lang) throws Exception {
        return desk.mvc().perform(multipart("/admin/trust").param("lang", lang)
                .file(new MockMultipartFile("certificate", "ca.pem", "application/octet-stream", content))
                .with(desk.as(WARD, Role.ADMIN)).with(csrf())).andReturn();
    }

    private String page() throws Exception {
        MvcResult r = desk.get(WARD, Role.ADMIN, "/admin/trust");
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        return Desk.body(r);
    }

    private long idOf(Cert cert) throws Exception {
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(cert.der()));
        return jdbc.sql("select id from admin_trust_anchor where sha256 = ? and removed_at is null").param(sha)
                .query(Long.class).single();
    }

    private static String row(String page, long id) {
        int start = page.indexOf("id=\"anchor-" + id + "\"");
        assertThat(start).as("row of anchor %s", id).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    @Test
    void uploadedCasAreListedWithDaysLeftFingerprintAndBadge() throws Exception {
        Instant now = clock.instant();
        Cert soon = certificate("usr-test-soon", now.plus(Duration.ofDays(10)).plus(Duration.ofHours(12)), true);
        Cert later = certificate("usr-test-later", now.plus(Duration.ofDays(400)).plus(Duration.ofHours(12)), true);
        MvcResult added = upload(soon.pem(), "vi");
        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/admin/trust");
        assertThat(added.getFlashMap().get("saved")).isEqualTo(true);
        assertThat(upload(later.der(), "vi").getFlashMap().get("saved")).as("DER accepted").isEqualTo(true);

        String page = page();
        String soonRow = row(page, idOf(soon));
        assertThat(soonRow).contains("CN=usr-test-soon")
                .contains("class=\"days-left\">10<")
                .contains("sắp hết hạn")
                .contains(soon.serial().toString(16));
        String sha = java.util.HexFormat.of().withUpperCase().withDelimiter(":")
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(soon.der()));
        assertThat(soonRow).contains(sha);
        String laterRow = row(page, idOf(later));
        assertThat(laterRow).contains("class=\"days-left\">400<").doesNotContain("sắp hết hạn")
                .doesNotContain("đã hết hạn");
        assertThat(page).contains("data-confirm=").contains("/js/confirm.js");
        remove(idOf(soon));
        remove(idOf(later));
    }

    @Test
    void garbageHugeFilesAndEndEntitiesGetTheirMessage() throws Exception {
        byte[] garbage = new byte[2000];
        new Random(7).nextBytes(garbage);
        assertThat(upload(garbage, "vi").getFlashMap().get("error"))
                .isEqualTo("Tệp không phải chứng thư số X.509 (PEM hoặc DER, tối đa 64 KB).");
        assertThat(upload(garbage, "en").getFlashMap().get("error"))
                .isEqualTo("The file is not an X.509 certificate (PEM or DER, at most 64 KB).");
        assertThat(upload("-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n".getBytes(), "en")
                .getFlashMap().get("error")).isEqualTo("The file is not an X.509 certificate (PEM or DER, at most 64 KB).");
        assertThat(upload(Desk.PDF, "en").getFlashMap().get("error")).asString().contains("X.509");
        assertThat(upload(new byte[0], "en").getFlashMap().get("error")).asString().contains("X.509");

        byte[] huge = new byte[200 * 1024];
        assertThat(upload(huge, "en").getFlashMap().get("error"))
                .isEqualTo("The file is too large for a certificate (at most 64 KB).");
        assertThat(upload(huge, "vi").getFlashMap().get("error"))
                .isEqualTo("Tệp quá lớn đối với một chứng thư (tối đa 64 KB).");

        Cert leaf = certificate("usr-test-leaf", clock.instant().plus(Duration.ofDays(90)), false);
        assertThat(upload(leaf.pem(), "en").getFlashMap().get("error")).asString().contains("not a CA certificate");
        assertThat(page()).doesNotContain("usr-test-leaf");
    }

    @Test
    void removalTakesTheCertificateOffAndIsAudited() throws Exception {
        Cert ca = certificate("usr-test-remove", clock.instant().plus(Duration.ofDays(100)), true);
        upload(ca.pem(), "vi");
        long id = idOf(ca);
        assertThat(page()).contains("usr-test-remove");
        remove(id);
        assertThat(page()).doesNotContain("usr-test-remove");
        MvcResult again = desk.mvc().perform(post("/admin/trust/{id}/remove", id).param("lang", "en")
                .with(desk.as(WARD, Role.ADMIN)).with(csrf())).andReturn();
        assertThat(again.getFlashMap().get("error")).isEqualTo("No such certificate in the trust list.");
        assertThat(desk.mvc().perform(post("/admin/trust/{id}/remove", id).with(desk.as(WARD, Role.ADMIN)))
                .andReturn().getResponse().getStatus()).as("no CSRF token").isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'admin.trust.remove' and actor = ?")
                .param(WARD + ".admin").query(Integer.class).single()).isPositive();
    }

    @Test
    void anExpiredCertificateIsMarked() throws Exception {
        Cert old = certificate("usr-test-expired",
                clock.instant().minus(Duration.ofDays(3)).plus(Duration.ofHours(12)), true);
        upload(old.der(), "vi");
        long id = idOf(old);
        String row = row(page(), id);
        assertThat(row).contains("đã hết hạn").contains("class=\"days-left\">-3<");
        remove(id);
    }

    private void remove(long id) throws Exception {
        MvcResult r = desk.mvc().perform(post("/admin/trust/{id}/remove", id).with(desk.as(WARD, Role.ADMIN))
                .with(csrf())).andReturn();
        assertThat(r.getFlashMap().get("saved")).isEqualTo(true);
        assertThat(desk.get(WARD, Role.ADMIN, "/admin/trust").getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("id=\"anchor-" + id + "\"");
    }
}
