package vn.motcua.server;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.motcua.domain.office.Role;
import vn.motcua.server.demo.DemoData;
import vn.motcua.server.security.UserDirectory;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Test driver of the HTTP API: acts as a demo user of an office, with a valid CSRF token unless told otherwise. */

public class Desk {

    public static final byte[] PDF = "%PDF-1.4\n% test component\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final MockMvc mvc;
    private final UserDirectory users;

    public Desk(MockMvc mvc, UserDirectory users) {
        this.mvc = mvc;
        this.users = users;
    }

    public RequestPostProcessor as(String office, Role role) {
        return user(users.loadUserByUsername(DemoData.username(office, role)));
    }

    /** Receives a dossier with one PDF per listed component; returns the response (status not checked). */
    public MvcResult receive(String office, String procedure, String outcome, String note, String... components)
            throws Exception {
        MockMultipartHttpServletRequestBuilder req = multipart("/api/dossiers");
        for (String c : components) {
            req.file(new MockMultipartFile("file." + c, c + ".pdf", "application/pdf", PDF));
        }
        return mvc.perform(req.param("procedureCode", procedure)
                        .param("applicantName", "Nguyễn Văn An")
                        .param("applicantIdNumber", "079123456789")
                        .param("applicantPhone", "0905123456")
                        .param("applicantAddress", "12 Trần Hưng Đạo")
                        .param("channel", "COUNTER")
                        .param("outcome", outcome)
                        .param("note", note)
                        .with(as(office, Role.RECEPTION)).with(csrf()))
                .andReturn();
    }

    public long receiveAccepted(String office, String procedure, String... components) throws Exception {
        MvcResult r = receive(office, procedure, "ACCEPT", "", components);
        if (r.getResponse().getStatus() != 201) {
            throw new AssertionError("reception failed: " + r.getResponse().getStatus() + " "
                    + r.getResponse().getContentAsString(StandardCharsets.UTF_8));
        }
        return ((Number) JsonPath.read(body(r), "$.id")).longValue();
    }

    /** A dossier the office's leader approved, with the given PDF attached as the draft result by the specialist. */
    public long approvedWithDraft(String office, byte[] draftPdf) throws Exception {
        long id = receiveAccepted(office, "1.001193", "declaration", "birth-certificate");
        ok(office, Role.RECEPTION, id, "transfer-to-processing", null);
        MvcResult submitted = mvc.perform(multipart("/api/dossiers/{id}/actions/submit-for-approval", id)
                .file(new MockMultipartFile("draft", "ket-qua.pdf", "application/pdf", draftPdf))
                .with(as(office, Role.SPECIALIST)).with(csrf())).andReturn();
        if (submitted.getResponse().getStatus() != 200) {
            throw new AssertionError("submit-for-approval failed: " + submitted.getResponse().getStatus() + " "
                    + body(submitted));
        }
        ok(office, Role.LEADER, id, "approve", null);
        return id;
    }

    public MvcResult act(String office, Role role, long id, String action, String json) throws Exception {
        return mvc.perform(post("/api/dossiers/{id}/actions/{action}", id, action)
                        .contentType(MediaType.APPLICATION_JSON).content(json == null ? "{}" : json)
                        .header("Accept-Language", "en")
                        .with(as(office, role)).with(csrf()))
                .andReturn();
    }

    /** Acts and fails the test unless the transition was accepted; returns the new state. */
    public String ok(String office, Role role, long id, String action, String json) throws Exception {
        MvcResult r = act(office, role, id, action, json);
        if (r.getResponse().getStatus() != 200) {
            throw new AssertionError(action + " by " + office + "/" + role + " failed: " + r.getResponse().getStatus()
                    + " " + body(r));
        }
        return JsonPath.read(body(r), "$.state");
    }

    public MvcResult get(String office, Role role, String path, Object... vars) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path, vars)
                .with(as(office, role))).andReturn();
    }

    public MvcResult anonymous(String path, Object... vars) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path, vars)).andReturn();
    }

    public static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    public static <T> T read(MvcResult r, String path) throws Exception {
        return JsonPath.read(body(r), path);
    }

    public static String json(Map<String, ?> fields) {
        StringBuilder b = new StringBuilder("{");
        fields.forEach((k, v) -> {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append('"').append(k).append("\":\"").append(v).append('"');
        });
        return b.append('}').toString();
    }

    public MockMvc mvc() {
        return mvc;
    }
}
