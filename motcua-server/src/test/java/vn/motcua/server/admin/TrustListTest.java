package vn.motcua.server.admin;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import vn.motcua.domain.office.Role;
import vn.motcua.server.Desk;
import vn.motcua.server.ServerTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/** Trust list: CA certificates in (PEM), end-entity certificates and junk refused, expiry shown, removal audited. */
@ServerTest
class TrustListTest {

    static final String WARD = "phuong-ayun-pa";

    @Autowired
    Desk desk;
    @Autowired
    TrustList trust;
    @Autowired
    JdbcClient jdbc;

    /** A certificate made by the JDK's keytool: a CA (bc:c) or an end entity. */
    static byte[] certificate(String alias, boolean ca) throws Exception {
        Path dir = Files.createTempDirectory("motcua-trust");
        Path store = dir.resolve("ks.p12");
        Path out = dir.resolve(alias + ".pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        List<String> gen = new java.util.ArrayList<>(List.of(keytool, "-genkeypair", "-alias", alias, "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=" + alias + ", O=MotCua test, C=VN", "-validity", "30",
                "-keystore", store.toString(), "-storepass", "changeit", "-storetype", "PKCS12"));
        if (ca) {
            gen.addAll(List.of("-ext", "bc:c"));
        }
        assertThat(new ProcessBuilder(gen).inheritIO().start().waitFor()).isZero();
        assertThat(new ProcessBuilder(keytool, "-exportcert", "-rfc", "-alias", alias, "-keystore", store.toString(),
                "-storepass", "changeit", "-file", out.toString()).inheritIO().start().waitFor()).isZero();
        return Files.readAllBytes(out);
    }

    private MvcResult upload(Role role, byte[] content) throws Exception {
        return desk.mvc().perform(multipart("/api/admin/trust")
                .file(new MockMultipartFile("certificate", "ca.pem", "application/x-pem-file", content))
                .header("Accept-Language", "en").with(desk.as(WARD, role)).with(csrf())).andReturn();
    }

    @Test
    void caCertificatesAreAddedListedWithExpiryAndRemovedAudited() throws Exception {
        byte[] ca = certificate("motcua-test-root", true);
        MvcResult added = upload(Role.ADMIN, ca);
        assertThat(added.getResponse().getStatus()).as(Desk.body(added)).isEqualTo(201);
        assertThat(Desk.<String>read(added, "$.subject")).contains("CN=motcua-test-root");
        assertThat(Desk.<Boolean>read(added, "$.expired")).isFalse();
        assertThat(Desk.<String>read(added, "$.notAfter")).isNotBlank();
        assertThat(trust.anchors()).anyMatch(c -> c.getSubjectX500Principal().getName().contains("motcua-test-root"));
        assertThat(upload(Role.ADMIN, ca).getResponse().getStatus()).isEqualTo(409);

        int id = Desk.read(added, "$.id");
        assertThat(desk.mvc().perform(delete("/api/admin/trust/{id}", id).with(desk.as(WARD, Role.ADMIN)).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(204);
        assertThat(trust.anchors()).noneMatch(c -> c.getSubjectX500Principal().getName().contains("motcua-test-root"));
        assertThat(jdbc.sql("select count(*) from audit_log where action in ('admin.trust.add', 'admin.trust.remove')"
                + " and target = (select sha256 from admin_trust_anchor where id = ?)").param(id).query(Integer.class)
                .single()).isEqualTo(2);
    }

    @Test
    void endEntityCertificatesJunkAndNonAdminsAreRefused() throws Exception {
        MvcResult leaf = upload(Role.ADMIN, certificate("motcua-test-leaf", false));
        assertThat(leaf.getResponse().getStatus()).isEqualTo(400);
        assertThat(Desk.<String>read(leaf, "$.key")).isEqualTo("admin.error.notCa");
        MvcResult junk = upload(Role.ADMIN, "-----BEGIN CERTIFICATE-----\nnot base64\n".getBytes());
        assertThat(junk.getResponse().getStatus()).isEqualTo(400);
        assertThat(Desk.<String>read(junk, "$.key")).isEqualTo("admin.error.certificate");
        assertThat(upload(Role.LEADER, certificate("motcua-test-root2", true)).getResponse().getStatus()).isEqualTo(403);
        assertThat(desk.get(WARD, Role.ARCHIVIST, "/api/admin/trust").getResponse().getStatus()).isEqualTo(403);
    }
}
