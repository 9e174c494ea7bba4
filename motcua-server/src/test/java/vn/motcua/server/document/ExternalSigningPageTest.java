package vn.motcua.server.document;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import vn.motcua.server.Desk;
import vn.motcua.server.ServerTest;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.motcua.domain.office.Role.ADMIN;
import static vn.motcua.domain.office.Role.LEADER;
import static vn.motcua.domain.office.Role.SPECIALIST;

/**
 * Two-step external signing on the Ký số page: the server prepares the hash of the draft, the "device" (a key held by
 * this test) signs it, and completing records the signed PDF as the result through SIGN_RESULT.
 */
@ServerTest
class ExternalSigningPageTest {

    static final String WARD = "phuong-ayun-pa";
    static PrivateKey leaderKey;
    static byte[] chainPem;
    static byte[] caPem;

    @Autowired
    Desk desk;

    @BeforeAll
    static void leaderCertificate() throws Exception {
        KeyPair leader = SigningFixtures.ecP256();
        leaderKey = leader.getPrivate();
        // Self-issued and marked CA so that the administrators' trust list (CA certificates only) accepts it as its own
        // anchor: a CA-issued leaf would be grey here for want of CRL/OCSP, which the test has no server for. The name
        // is unique per run because the trust list refuses a certificate it already holds.
        X509Certificate cert = SigningFixtures.selfIssued(leader,
                "CN=Trần Thị Lãnh Đạo " + Instant.now().toEpochMilli() + ", O=UBND phường Ayun Pa, C=VN",
                "SHA256withECDSA", true, KeyUsage.digitalSignature | KeyUsage.nonRepudiation | KeyUsage.keyCertSign);
        chainPem = SigningFixtures.pem(cert);
        caPem = chainPem;
    }

    private long approvedWithDraft() throws Exception {
        return desk.approvedWithDraft(WARD, SigningFixtures.blankPdf());
    }

    private MvcResult prepare(long id) throws Exception {
        return desk.mvc().perform(multipart("/sign/{id}/prepare", id)
                .file(new MockMultipartFile("chain", "chain.pem", "application/x-pem-file", chainPem))
                .param("lang", "en").with(desk.as(WARD, LEADER)).with(csrf())).andReturn();
    }

    private MvcResult complete(long id, String handle, byte[] signature) throws Exception {
        return desk.mvc().perform(post("/sign/{id}/complete", id).param("handle", handle)
                .param("signature", Base64.getEncoder().encodeToString(signature))
                .param("lang", "en").with(desk.as(WARD, LEADER)).with(csrf())).andReturn();
    }

    private static String field(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*?(?:value=\"([^\"]+)\"|>([^<]+)<)").matcher(html);
        assertThat(m.find()).as(id + " in " + html).isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private <T> List<T> resultDocuments(long id, String field) throws Exception {
        return Desk.read(desk.get(WARD, LEADER, "/api/dossiers/{id}", id),
                "$.documents[?(@.kind == 'RESULT')]." + field);
    }

    @Test
    void theLeaderSignsTheReturnedHashAndTheSignedPdfBecomesTheResult() throws Exception {
        MvcResult trusted = desk.mvc().perform(multipart("/api/admin/trust")
                .file(new MockMultipartFile("certificate", "ca.pem", "application/x-pem-file", caPem))
                .with(desk.as(WARD, ADMIN)).with(csrf())).andReturn();
        assertThat(trusted.getResponse().getStatus()).isIn(200, 201);
        long id = approvedWithDraft();

        MvcResult prepared = prepare(id);
        assertThat(prepared.getResponse().getStatus()).isEqualTo(200);
        String html = Desk.body(prepared);
        String handle = field(html, "handle");
        byte[] hash = Base64.getDecoder().decode(field(html, "hash"));
        assertThat(hash).hasSize(32);

        // A signature over something else is refused and changes nothing; the handle stays usable.
        MvcResult wrong = complete(id, handle, sign(new byte[32]));
        assertThat(wrong.getResponse().getStatus()).isEqualTo(422);
        assertThat(Desk.body(wrong)).contains("SIGNATURE_MISMATCH").contains("Nothing was changed");
        assertThat(Desk.<String>read(desk.get(WARD, LEADER, "/api/dossiers/{id}", id), "$.state")).isEqualTo("APPROVED");
        assertThat(resultDocuments(id, "kind")).isEmpty();

        MvcResult done = complete(id, handle, sign(hash));
        assertThat(done.getResponse().getStatus()).as(Desk.body(done)).isEqualTo(302);
        MvcResult after = desk.get(WARD, LEADER, "/api/dossiers/{id}", id);
        String code = Desk.read(after, "$.code");
        assertThat(Desk.<String>read(after, "$.state")).isEqualTo("RESULT_SIGNED");
        assertThat(Desk.<List<String>>read(after, "$.history[*].action")).endsWith("SIGN_RESULT");
        assertThat(resultDocuments(id, "resultCode")).containsExactly(code + "-KQ1");
        assertThat(this.<Boolean>resultDocuments(id, "signed")).containsExactly(true);
        assertThat(resultDocuments(id, "signatureBadge")).as(String.valueOf(resultDocuments(id, "signatureText")))
                .containsExactly("GREEN");

        // A handle is completed once.
        assertThat(complete(id, handle, sign(hash)).getResponse().getStatus()).isEqualTo(422);
    }

    @Test
    void onlyTheLeaderWithCsrfMayPrepareAndAHandleIsTheLeadersOwn() throws Exception {
        long id = approvedWithDraft();
        assertThat(desk.mvc().perform(multipart("/sign/{id}/prepare", id)
                .file(new MockMultipartFile("chain", "chain.pem", "application/x-pem-file", chainPem))
                .with(desk.as(WARD, SPECIALIST)).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(desk.mvc().perform(multipart("/sign/{id}/prepare", id)
                .file(new MockMultipartFile("chain", "chain.pem", "application/x-pem-file", chainPem))
                .with(desk.as(WARD, LEADER))).andReturn().getResponse().getStatus()).isEqualTo(403);

        String handle = field(Desk.body(prepare(id)), "handle");
        assertThat(desk.mvc().perform(post("/sign/{id}/complete", id).param("handle", handle)
                .param("signature", "AAAA").with(desk.as(WARD, LEADER))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        // A leader of another office does not see the dossier.
        assertThat(desk.mvc().perform(post("/sign/{id}/complete", id).param("handle", handle)
                .param("signature", "AAAA").with(desk.as("xa-ia-rbol", LEADER)).with(csrf())).andReturn()
                .getResponse().getStatus()).isEqualTo(422);
        assertThat(Desk.<String>read(desk.get(WARD, LEADER, "/api/dossiers/{id}", id), "$.state")).isEqualTo("APPROVED");
    }

    @Test
    void aBadChainOrSignatureEncodingIsAClearError() throws Exception {
        long id = approvedWithDraft();
        MvcResult junk = desk.mvc().perform(multipart("/sign/{id}/prepare", id)
                .file(new MockMultipartFile("chain", "chain.pem", "application/x-pem-file", "not a certificate".getBytes()))
                .param("lang", "vi").with(desk.as(WARD, LEADER)).with(csrf())).andReturn();
        assertThat(junk.getResponse().getStatus()).isEqualTo(422);
        assertThat(Desk.body(junk)).contains("Không đọc được chuỗi chứng thư");

        String handle = field(Desk.body(prepare(id)), "handle");
        MvcResult badBase64 = desk.mvc().perform(post("/sign/{id}/complete", id).param("handle", handle)
                .param("signature", "%%% not base64").param("lang", "en")
                .with(desk.as(WARD, LEADER)).with(csrf())).andReturn();
        assertThat(badBase64.getResponse().getStatus()).isEqualTo(422);
        assertThat(Desk.body(badBase64)).contains("not valid base64");
        assertThat(resultDocuments(id, "kind")).isEmpty();
    }

    @Test
    void theSignPageOffersExternalSigningAndNoPinWhenTheInstallationAsksForNone() throws Exception {
        long id = approvedWithDraft();
        String page = Desk.body(desk.mvc().perform(get("/sign").param("lang", "en").with(desk.as(WARD, LEADER)))
                .andReturn());
        assertThat(page).contains("/sign/" + id + "/prepare").contains("_csrf").doesNotContain("type=\"password\"");

        // This build configures no token: a PIN is refused and nothing changes.
        MvcResult pin = desk.mvc().perform(post("/sign/{id}/pin", id).param("pin", "1234").param("lang", "en")
                .with(desk.as(WARD, LEADER)).with(csrf())).andReturn();
        assertThat(pin.getResponse().getStatus()).isEqualTo(409);
        assertThat(Desk.body(pin)).contains("does not ask for a PIN");
        assertThat(Desk.<String>read(desk.get(WARD, LEADER, "/api/dossiers/{id}", id), "$.state")).isEqualTo("APPROVED");
    }

    /** The "device": ECDSA over the prepared hash (what a hash-signing token does). */
    private static byte[] sign(byte[] hash) throws Exception {
        Signature s = Signature.getInstance("NONEwithECDSA");
        s.initSign(leaderKey);
        s.update(hash);
        return s.sign();
    }
}
