package vn.motcua.server.document;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import vn.motcua.server.Desk;
import vn.motcua.server.TestClockConfiguration;
import vn.motcua.signature.Signatures;
import vn.motcua.signature.verify.Verdict;
import vn.motcua.signature.verify.VerificationOptions;
import vn.motcua.signature.verify.VerificationReport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.motcua.domain.office.Role.ADMIN;
import static vn.motcua.domain.office.Role.LEADER;
import static vn.motcua.domain.office.Role.SPECIALIST;

/**
 * The Ký số page with a PKCS#11 token whose PIN is not configured, as a province would install it: the page asks for
 * the PIN, {@code POST /sign/{id}/pin} opens the SoftHSM2 token for one signature, and the signed PDF becomes the result.
 * Its own server context (and database), because the signer is chosen from configuration at start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "motcua.database.data-dir=target/test-postgres-pin",
        "motcua.store.root=target/test-content-pin",
        "motcua.signing.key-source=pkcs11"})
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
@ActiveProfiles({"test", "demo"})
@ExtendWith(OutputCaptureExtension.class)
class PinSigningPageTest {

    static final String WARD = "phuong-ayun-pa";
    static final String WRONG_PIN = "135797";

    @Autowired
    Desk desk;

    @DynamicPropertySource
    static void token(DynamicPropertyRegistry registry) throws Exception {
        SoftHsmToken token = SoftHsmToken.get("PinSigningPageTest");
        registry.add("motcua.signing.pkcs11.library", SoftHsmToken.LIBRARY::toString);
        registry.add("motcua.signing.pkcs11.slot", () -> Long.toString(token.slot()));
    }

    private MvcResult pin(long id, String pin, String lang) throws Exception {
        return desk.mvc().perform(post("/sign/{id}/pin", id).param("pin", pin).param("lang", lang)
                .with(desk.as(WARD, LEADER)).with(csrf())).andReturn();
    }

    private <T> List<T> resultDocuments(long id, String field) throws Exception {
        return Desk.read(desk.get(WARD, LEADER, "/api/dossiers/{id}", id),
                "$.documents[?(@.kind == 'RESULT')]." + field);
    }

    private String state(long id) throws Exception {
        return Desk.read(desk.get(WARD, LEADER, "/api/dossiers/{id}", id), "$.state");
    }

    @Test
    void theLeaderTypesThePinAndTheTokenSignsTheResult(CapturedOutput output) throws Exception {
        SoftHsmToken token = SoftHsmToken.get("PinSigningPageTest");
        MvcResult trusted = desk.mvc().perform(multipart("/api/admin/trust")
                .file(new MockMultipartFile("certificate", "leader.der", "application/pkix-cert",
                        token.leaderCert().getEncoded()))
                .with(desk.as(WARD, ADMIN)).with(csrf())).andReturn();
        assertThat(trusted.getResponse().getStatus()).as(Desk.body(trusted)).isIn(200, 201, 409);
        long id = desk.approvedWithDraft(WARD, SigningFixtures.blankPdf());

        String page = Desk.body(desk.mvc().perform(get("/sign").param("lang", "en").with(desk.as(WARD, LEADER)))
                .andReturn());
        assertThat(page).contains("/sign/" + id + "/pin").contains("type=\"password\"").contains("_csrf");

        // A wrong PIN: the page says so in the leader's language, and nothing is signed or recorded.
        MvcResult wrong = pin(id, WRONG_PIN, "vi");
        assertThat(wrong.getResponse().getStatus()).isEqualTo(422);
        assertThat(Desk.body(wrong)).contains("PIN").doesNotContain(WRONG_PIN);
        MvcResult wrongEn = pin(id, WRONG_PIN, "en");
        assertThat(Desk.body(wrongEn)).contains("PIN");
        assertThat(Desk.body(wrongEn)).isNotEqualTo(Desk.body(wrong));
        assertThat(state(id)).isEqualTo("APPROVED");
        assertThat(resultDocuments(id, "kind")).isEmpty();

        MvcResult signed = pin(id, SoftHsmToken.PIN, "en");
        assertThat(signed.getResponse().getStatus()).as(Desk.body(signed)).isEqualTo(302);
        assertThat(signed.getResponse().getRedirectedUrl()).isEqualTo("/dossiers/" + id);
        String code = Desk.read(desk.get(WARD, LEADER, "/api/dossiers/{id}", id), "$.code");
        assertThat(state(id)).isEqualTo("RESULT_SIGNED");
        assertThat(resultDocuments(id, "resultCode")).containsExactly(code + "-KQ1");
        assertThat(this.<Boolean>resultDocuments(id, "signed")).containsExactly(true);
        assertThat(resultDocuments(id, "signatureBadge")).as(String.valueOf(resultDocuments(id, "signatureText")))
                .containsExactly("GREEN");

        // The stored result verifies on its own, signed by the token's key.
        Number docId = this.<Number>resultDocuments(id, "id").get(0);
        byte[] pdf = desk.get(WARD, LEADER, "/api/documents/{id}", docId.longValue()).getResponse()
                .getContentAsByteArray();
        Path file = Files.createTempFile("pin-signed-", ".pdf");
        try {
            Files.write(file, pdf);
            VerificationReport report = Signatures.verify(file,
                    VerificationOptions.builder().trustAnchors(List.of(token.leaderCert())).build());
            assertThat(report.verdict()).as(report.summary(Locale.ENGLISH)).isEqualTo(Verdict.VALID);
            assertThat(report.signatures()).singleElement()
                    .satisfies(s -> assertThat(s.signerName()).isEqualTo("Lãnh đạo PKCS11"));
        } finally {
            Files.deleteIfExists(file);
        }

        // Neither PIN reached the logs.
        assertThat(output.getAll()).doesNotContain(SoftHsmToken.PIN).doesNotContain(WRONG_PIN);
    }

    @Test
    void onlyALeaderWithCsrfMayTypeAPin() throws Exception {
        long id = desk.approvedWithDraft(WARD, SigningFixtures.blankPdf());
        assertThat(desk.mvc().perform(post("/sign/{id}/pin", id).param("pin", SoftHsmToken.PIN)
                .with(desk.as(WARD, SPECIALIST)).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(desk.mvc().perform(post("/sign/{id}/pin", id).param("pin", SoftHsmToken.PIN)
                .with(desk.as(WARD, LEADER))).andReturn().getResponse().getStatus()).isEqualTo(403);
        // A leader of another office does not reach the dossier, even with the right PIN.
        MvcResult other = desk.mvc().perform(post("/sign/{id}/pin", id).param("pin", SoftHsmToken.PIN)
                .param("lang", "en").with(desk.as("xa-ia-rbol", LEADER)).with(csrf())).andReturn();
        assertThat(other.getResponse().getStatus()).isBetween(400, 499);
        assertThat(state(id)).isEqualTo("APPROVED");
        assertThat(resultDocuments(id, "kind")).isEmpty();
    }
}
