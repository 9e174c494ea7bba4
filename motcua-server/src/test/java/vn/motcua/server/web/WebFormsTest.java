package vn.motcua.server.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import vn.motcua.server.Desk;
import vn.motcua.server.ServerTest;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.motcua.domain.office.Role.LEADER;
import static vn.motcua.domain.office.Role.RECEPTION;
import static vn.motcua.domain.office.Role.SPECIALIST;

/** The HTML forms: errors come back on the page in the user's language and nothing is stored. */
@ServerTest
class WebFormsTest {

    static final String OFFICE = "phuong-ayun-pa";

    @Autowired
    Desk desk;
    @Autowired
    JdbcClient jdbc;

    @Test
    void receptionFormShowsTheErrorAndKeepsNothingForADisguisedFile() throws Exception {
        int before = jdbc.sql("select count(*) from dossier").query(Integer.class).single();
        byte[] exe = "MZ not really a pdf".getBytes(StandardCharsets.US_ASCII);
        MvcResult page = desk.mvc().perform(multipart("/reception")
                        .file(new MockMultipartFile("file.document", "x.pdf", "application/pdf", exe))
                        .param("procedureCode", "2.000884").param("applicantName", "<b>Ngô Văn G</b>")
                        .param("applicantIdNumber", "079123456789").param("provided", "id-document")
                        .with(desk.as(OFFICE, RECEPTION)).with(csrf()))
                .andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(415);
        String html = Desk.body(page);
        assertThat(html).contains("không thuộc loại được chấp nhận").contains("&lt;b&gt;Ngô Văn G&lt;/b&gt;")
                .doesNotContain("<b>Ngô Văn G</b>");
        // The script's request gets only the error fragment, in English when asked.
        MvcResult fragment = desk.mvc().perform(multipart("/reception")
                        .file(new MockMultipartFile("file.document", "x.pdf", "application/pdf", exe))
                        .param("procedureCode", "2.000884").param("applicantName", "G")
                        .param("applicantIdNumber", "079123456789").param("lang", "en")
                        .header("X-Requested-With", "XMLHttpRequest")
                        .with(desk.as(OFFICE, RECEPTION)).with(csrf()))
                .andReturn();
        assertThat(Desk.body(fragment)).contains("not an accepted type").doesNotContain("<html");
        assertThat(jdbc.sql("select count(*) from dossier").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void aGoodReceptionLeadsToTheDossierPageWithItsForm01() throws Exception {
        MvcResult r = desk.mvc().perform(multipart("/reception")
                        .file(new MockMultipartFile("file.document", "giay-to.pdf", "application/pdf", Desk.PDF))
                        .param("procedureCode", "2.000884").param("applicantName", "Đỗ Thị H")
                        .param("applicantIdNumber", "079123456789").param("provided", "id-document")
                        .with(desk.as(OFFICE, RECEPTION)).with(csrf()))
                .andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(302);
        String location = r.getResponse().getRedirectedUrl();
        assertThat(location).matches("/dossiers/\\d+");
        String html = Desk.body(desk.mvc().perform(get(location).with(desk.as(OFFICE, RECEPTION))).andReturn());
        assertThat(html).contains("id=\"slip-01\"").contains("giay-to.pdf").contains("action-transfer-to-processing")
                .doesNotContain("action-approve");
    }

    @Test
    void aStaleFormGetsTheConflictMessageOnThePage() throws Exception {
        long id = desk.receiveAccepted(OFFICE, "2.000884", "document", "id-document");
        desk.ok(OFFICE, RECEPTION, id, "transfer-to-processing", null);
        MvcResult stale = desk.mvc().perform(post("/dossiers/{id}/actions/submit-for-approval", id)
                .param("expectedVersion", "1").with(desk.as(OFFICE, SPECIALIST)).with(csrf())).andReturn();
        assertThat(stale.getResponse().getStatus()).isEqualTo(409);
        assertThat(Desk.body(stale)).contains("người khác cập nhật trước");
    }

    @Test
    void theDraftAttachedForApprovalBecomesTheResultDocumentWithItsResultCode() throws Exception {
        long id = desk.receiveAccepted(OFFICE, "2.000884", "document", "id-document");
        desk.ok(OFFICE, RECEPTION, id, "transfer-to-processing", null);
        MvcResult submitted = desk.mvc().perform(multipart("/api/dossiers/{id}/actions/submit-for-approval", id)
                .file(new MockMultipartFile("draft", "ket-qua.pdf", "application/pdf", Desk.PDF))
                .with(desk.as(OFFICE, SPECIALIST)).with(csrf())).andReturn();
        assertThat(submitted.getResponse().getStatus()).isEqualTo(200);
        desk.ok(OFFICE, LEADER, id, "approve", null);
        MvcResult signed = desk.act(OFFICE, LEADER, id, "sign-result", null);
        String code = Desk.read(signed, "$.code");
        assertThat(Desk.<java.util.List<String>>read(signed, "$.documents[?(@.kind == 'RESULT')].resultCode"))
                .containsExactly(code + "-KQ1");
        // No signer is configured in this build: the result is stored and shown as unsigned, not pretended signed.
        assertThat(Desk.<java.util.List<Boolean>>read(signed, "$.documents[?(@.kind == 'RESULT')].signed"))
                .containsExactly(false);
        assertThat(Desk.<java.util.List<String>>read(signed, "$.documents[?(@.kind == 'RESULT')].signatureBadge"))
                .containsExactly("GREY");
    }
}
