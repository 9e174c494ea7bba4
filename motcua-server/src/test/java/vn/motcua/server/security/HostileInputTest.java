package vn.motcua.server.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import vn.motcua.server.Desk;
import vn.motcua.server.ServerTest;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.motcua.domain.office.Role.RECEPTION;
import static vn.motcua.domain.office.Role.SPECIALIST;

/** Hostile input on the forms and endpoints: every one is refused with a clear problem and stores nothing. */
@ServerTest
class HostileInputTest {

    static final String OFFICE = "phuong-ayun-pa";

    @Autowired
    Desk desk;
    @Autowired
    JdbcClient jdbc;

    private MockMultipartHttpServletRequestBuilder reception(MockMultipartFile... files) {
        MockMultipartHttpServletRequestBuilder r = multipart("/api/dossiers");
        for (MockMultipartFile f : files) {
            r.file(f);
        }
        r.param("procedureCode", "2.000884").param("applicantName", "Phạm Văn E").param("applicantIdNumber", "079123456789")
                .param("provided", "document", "id-document");
        return r;
    }

    private int dossiers() {
        return jdbc.sql("select count(*) from dossier").query(Integer.class).single();
    }

    private int documents() {
        return jdbc.sql("select count(*) from document").query(Integer.class).single();
    }

    @Test
    void oversizedUploadIsRefusedAndNothingIsRecorded() throws Exception {
        int before = dossiers();
        byte[] big = new byte[1_048_577];
        System.arraycopy(Desk.PDF, 0, big, 0, Desk.PDF.length);
        MvcResult r = desk.mvc().perform(reception(new MockMultipartFile("file.document", "big.pdf", "application/pdf", big))
                .with(desk.as(OFFICE, RECEPTION)).with(csrf())).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(413);
        assertThat(Desk.<String>read(r, "$.key")).isEqualTo("error.upload.tooLarge");
        assertThat(dossiers()).isEqualTo(before);
    }

    @Test
    void aProgramDisguisedAsPdfIsRefusedWhateverItsNameAndContentType() throws Exception {
        int before = dossiers();
        byte[] exe = "MZ\u0090\u0000 this is not a PDF".getBytes(StandardCharsets.ISO_8859_1);
        MvcResult r = desk.mvc().perform(reception(new MockMultipartFile("file.document", "scan.pdf", "application/pdf", exe))
                .header("Accept-Language", "vi").with(desk.as(OFFICE, RECEPTION)).with(csrf())).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(415);
        assertThat(Desk.<String>read(r, "$.detail")).contains("scan.pdf").contains("không thuộc loại được chấp nhận");
        assertThat(Desk.<String>read(r, "$.en")).contains("not an accepted type");
        assertThat(r.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(dossiers()).isEqualTo(before);
    }

    @Test
    void scriptInTextFieldsIsStoredAsTextAndEscapedOnEveryPage() throws Exception {
        String script = "<script>alert('x')</script>";
        MvcResult r = desk.mvc().perform(multipart("/api/dossiers").param("procedureCode", "2.000884")
                .param("applicantName", script).param("applicantIdNumber", "079123456789")
                .param("applicantAddress", "<img src=x onerror=alert(1)>").param("provided", "document", "id-document")
                .with(desk.as(OFFICE, RECEPTION)).with(csrf())).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(201);
        long id = ((Number) Desk.read(r, "$.id")).longValue();
        assertThat(Desk.<String>read(r, "$.applicant.name")).isEqualTo(script);
        for (String page : new String[]{"/dossiers/" + id, "/"}) {
            String html = Desk.body(desk.mvc().perform(get(page).with(desk.as(OFFICE, RECEPTION))).andReturn());
            assertThat(html).doesNotContain(script).doesNotContain("<img src=x").contains("&lt;script&gt;");
        }
        // The pages forbid inline scripts anyway.
        assertThat(desk.mvc().perform(get("/").with(desk.as(OFFICE, RECEPTION))).andReturn().getResponse()
                .getHeader("Content-Security-Policy")).contains("script-src 'self'");
    }

    @Test
    void forgedOrMissingCsrfTokensAreRefused() throws Exception {
        long id = desk.receiveAccepted(OFFICE, "2.000884", "document", "id-document");
        int version = Desk.read(desk.get(OFFICE, RECEPTION, "/api/dossiers/{id}", id), "$.version");
        assertThat(desk.mvc().perform(post("/api/dossiers/{id}/actions/transfer-to-processing", id)
                        .contentType(MediaType.APPLICATION_JSON).content("{}").with(desk.as(OFFICE, RECEPTION)))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(desk.mvc().perform(post("/api/dossiers/{id}/actions/transfer-to-processing", id)
                        .contentType(MediaType.APPLICATION_JSON).content("{}").with(desk.as(OFFICE, RECEPTION))
                        .with(csrf().useInvalidToken()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(desk.mvc().perform(post("/dossiers/{id}/actions/transfer-to-processing", id)
                        .with(desk.as(OFFICE, RECEPTION)).with(csrf().useInvalidToken()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(desk.mvc().perform(reception().with(desk.as(OFFICE, RECEPTION)).with(csrf().useInvalidToken()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(Desk.<Integer>read(desk.get(OFFICE, RECEPTION, "/api/dossiers/{id}", id), "$.version"))
                .isEqualTo(version);
    }

    @Test
    void anotherOfficesDossierIdsRevealNothing() throws Exception {
        long id = desk.receiveAccepted(OFFICE, "2.000884", "document", "id-document");
        long documentId = ((Number) Desk.<java.util.List<Object>>read(desk.get(OFFICE, RECEPTION, "/api/dossiers/{id}", id),
                "$.documents[*].id").get(0)).longValue();
        String other = "xa-ia-rbol";
        assertThat(desk.get(other, RECEPTION, "/api/dossiers/{id}", id).getResponse().getStatus()).isEqualTo(404);
        assertThat(desk.get(other, RECEPTION, "/api/dossiers/{id}", 987654321L).getResponse().getStatus()).isEqualTo(404);
        // Apart from the echoed address, "someone else's" and "does not exist" are the same answer.
        assertThat(withoutInstance(desk.get(other, RECEPTION, "/api/dossiers/{id}", id)))
                .isEqualTo(withoutInstance(desk.get(other, RECEPTION, "/api/dossiers/{id}", 987654321L)));
        assertThat(desk.get(other, RECEPTION, "/api/documents/{id}", documentId).getResponse().getStatus()).isEqualTo(404);
        assertThat(desk.get(other, RECEPTION, "/dossiers/{id}", id).getResponse().getStatus()).isEqualTo(404);
        assertThat(desk.act(other, RECEPTION, id, "transfer-to-processing", null).getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void malformedRequestsGetProblemDetails() throws Exception {
        long id = desk.receiveAccepted(OFFICE, "2.000884", "document", "id-document");
        MvcResult badEnum = desk.act(OFFICE, RECEPTION, id, "return-result", "{\"channel\":\"TELEPATHY\"}");
        assertThat(badEnum.getResponse().getStatus()).isEqualTo(400);
        MvcResult unknownAction = desk.act(OFFICE, RECEPTION, id, "teleport", null);
        assertThat(unknownAction.getResponse().getStatus()).isEqualTo(404);
        assertThat(Desk.<String>read(unknownAction, "$.key")).isEqualTo("error.action.unknown");
        MvcResult forwardNowhere = desk.act(OFFICE, SPECIALIST, id, "forward", "{\"toOfficeId\":\"atlantis\"}");
        assertThat(forwardNowhere.getResponse().getStatus()).isIn(403, 409, 422);
        MvcResult badId = desk.mvc().perform(multipart("/api/dossiers").param("procedureCode", "2.000884")
                .param("applicantName", "X").param("applicantIdNumber", "'; drop table dossier; --")
                .with(desk.as(OFFICE, RECEPTION)).with(csrf())).andReturn();
        assertThat(badId.getResponse().getStatus()).isEqualTo(400);
        assertThat(Desk.<String>read(badId, "$.key")).isEqualTo("error.applicant.idNumber");
        MvcResult unknownComponent = desk.mvc().perform(reception(new MockMultipartFile("file.../../etc/passwd",
                "../../passwd.pdf", "application/pdf", Desk.PDF)).with(desk.as(OFFICE, RECEPTION)).with(csrf())).andReturn();
        assertThat(unknownComponent.getResponse().getStatus()).isEqualTo(422);
        assertThat(Desk.<String>read(unknownComponent, "$.key")).isEqualTo("reception.refused.unknownComponent");
    }

    @Test
    void publicLookupShowsNoPersonalDataAndRefusesGarbage() throws Exception {
        long id = desk.receiveAccepted(OFFICE, "2.000884", "document", "id-document");
        String code = Desk.read(desk.get(OFFICE, RECEPTION, "/api/dossiers/{id}", id), "$.code");
        MvcResult found = desk.anonymous("/api/public/lookup/{code}", code);
        assertThat(found.getResponse().getStatus()).isEqualTo(200);
        assertThat(Desk.body(found)).contains(code).doesNotContain("079123456789").doesNotContain("Nguyễn Văn An")
                .doesNotContain("0905123456");
        String page = Desk.body(desk.anonymous("/lookup?code=" + code));
        assertThat(page).contains(code).doesNotContain("079123456789").doesNotContain("Nguyễn Văn An");
        assertThat(desk.anonymous("/api/public/lookup/{code}", "not-a-code").getResponse().getStatus()).isEqualTo(422);
        assertThat(desk.anonymous("/api/public/lookup/{code}", "000.00.41.H21-201231-9999").getResponse().getStatus())
                .isEqualTo(404);
        // Everything else needs a login.
        assertThat(desk.anonymous("/api/dossiers/{id}", id).getResponse().getStatus()).isEqualTo(401);
        assertThat(desk.anonymous("/dossiers/{id}", id).getResponse().getStatus()).isEqualTo(302);
    }

    private static String withoutInstance(MvcResult r) throws Exception {
        return Desk.body(r).replaceAll("\"instance\":\"[^\"]*\",?", "");
    }
}
