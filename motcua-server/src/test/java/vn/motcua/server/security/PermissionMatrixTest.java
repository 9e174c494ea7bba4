package vn.motcua.server.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import vn.motcua.domain.office.Role;
import vn.motcua.server.Desk;
import vn.motcua.server.ServerTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.domain.office.Role.ARCHIVIST;
import static vn.motcua.domain.office.Role.LEADER;
import static vn.motcua.domain.office.Role.RECEPTION;
import static vn.motcua.domain.office.Role.SPECIALIST;

/**
 * Every role of the dossier's office and of another commune tries each step of the life: only the role the rules name,
 * in the office holding the dossier, succeeds; the others get 403 (wrong role) or 404 (another office's dossier) and the
 * dossier's version does not move.
 */
@ServerTest
class PermissionMatrixTest {

    static final String OFFICE = "phuong-ayun-pa";
    static final String OTHER = "xa-ia-rbol";

    @Autowired
    Desk desk;

    /** Step, the role allowed to do it, and the steps that lead to its state. */
    record Step(String action, Role allowed, String body) {
    }

    static final List<Step> LIFE = List.of(
            new Step("transfer-to-processing", RECEPTION, null),
            new Step("submit-for-approval", SPECIALIST, null),
            new Step("approve", LEADER, null),
            new Step("sign-result", LEADER, null),
            new Step("return-result", RECEPTION, "{\"channel\":\"COUNTER\"}"),
            new Step("archive", ARCHIVIST, null));

    @Test
    void eachStepOnlyByItsRoleInTheHoldingOffice() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < LIFE.size(); i++) {
            long id = desk.receiveAccepted(OFFICE, "2.000884", "document", "id-document");
            for (int j = 0; j < i; j++) {
                desk.ok(OFFICE, LIFE.get(j).allowed(), id, LIFE.get(j).action(), LIFE.get(j).body());
            }
            Step step = LIFE.get(i);
            int version = version(id);
            for (String office : List.of(OFFICE, OTHER)) {
                for (Role role : Role.values()) {
                    if (office.equals(OFFICE) && role == step.allowed()) {
                        continue;
                    }
                    int status = desk.act(office, role, id, step.action(), step.body()).getResponse().getStatus();
                    int expected = office.equals(OTHER) ? 404 : 403;
                    if (status != expected) {
                        wrong.add(step.action() + " by " + office + "/" + role + ": " + status + " instead of " + expected);
                    }
                }
            }
            assertThat(version(id)).as("refused attempts leave %s unchanged", step.action()).isEqualTo(version);
            desk.ok(OFFICE, step.allowed(), id, step.action(), step.body());
            assertThat(version(id)).isEqualTo(version + 1);
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void readingIsScopedToTheOfficeAndArchivistsRead() throws Exception {
        long id = desk.receiveAccepted(OFFICE, "2.000884", "document", "id-document");
        for (Role role : Role.values()) {
            assertThat(desk.get(OFFICE, role, "/api/dossiers/{id}", id).getResponse().getStatus()).isEqualTo(200);
            assertThat(desk.get(OTHER, role, "/api/dossiers/{id}", id).getResponse().getStatus()).isEqualTo(404);
            assertThat(desk.get(OTHER, role, "/api/dossiers/{id}/slips/01", id).getResponse().getStatus()).isEqualTo(404);
        }
        MvcResult list = desk.get(OTHER, SPECIALIST, "/api/dossiers?held=false");
        assertThat(Desk.<List<Integer>>read(list, "$[*].id")).doesNotContain((int) id);
        long documentId = ((Number) Desk.<List<Object>>read(desk.get(OFFICE, ARCHIVIST, "/api/dossiers/{id}", id),
                "$.documents[*].id").get(0)).longValue();
        assertThat(desk.get(OFFICE, ARCHIVIST, "/api/documents/{id}", documentId).getResponse().getStatus()).isEqualTo(200);
        assertThat(desk.get(OTHER, ARCHIVIST, "/api/documents/{id}", documentId).getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void onlyReceptionReceivesAndOnlyLeadersOpenTheSigningPage() throws Exception {
        for (Role role : Role.values()) {
            int reception = desk.mvc().perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .multipart("/api/dossiers").param("procedureCode", "2.000884").param("applicantName", "A")
                            .param("applicantIdNumber", "079123456789").param("provided", "document", "id-document")
                            .with(desk.as(OFFICE, role))
                            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                    .andReturn().getResponse().getStatus();
            assertThat(reception).as("reception by %s", role).isEqualTo(role == RECEPTION ? 201 : 403);
            int sign = desk.get(OFFICE, role, "/sign").getResponse().getStatus();
            assertThat(sign).as("signing page for %s", role).isEqualTo(role == LEADER ? 200 : 403);
        }
    }

    private int version(long id) throws Exception {
        return Desk.read(desk.get(OFFICE, ARCHIVIST, "/api/dossiers/{id}", id), "$.version");
    }

    static String json(Map<String, String> m) {
        return Desk.json(m);
    }
}
