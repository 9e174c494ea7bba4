package vn.motcua.server.dossier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import vn.motcua.domain.office.OfficeLevel;
import vn.motcua.domain.office.Role;
import vn.motcua.domain.procedure.Component;
import vn.motcua.domain.procedure.Procedure;
import vn.motcua.server.Desk;
import vn.motcua.server.ServerTest;
import vn.motcua.server.TestClock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.domain.office.Role.LEADER;
import static vn.motcua.domain.office.Role.RECEPTION;
import static vn.motcua.domain.office.Role.SPECIALIST;

/** Every sample procedure in force walks its whole life; the legacy ward → district → ward route walks in early 2025. */
@ServerTest
class RoutesTest {

    @Autowired
    Desk desk;
    @Autowired
    vn.motcua.server.office.LiveCatalogue catalogue;
    @Autowired
    TestClock clock;

    @Test
    void everyCommuneProcedureInForceFromReceptionToReturn() throws Exception {
        List<String> walked = new ArrayList<>();
        for (Procedure p : catalogue.procedures().validOn(LocalDate.now(clock))) {
            if (p.steps().stream().anyMatch(s -> s.level() != OfficeLevel.COMMUNE)) {
                continue; // interconnected routes: see DossierLifeTest and the legacy route below
            }
            String office = "xa-ia-rbol";
            long id = desk.receiveAccepted(office, p.nationalCode(), mandatory(p));
            desk.ok(office, RECEPTION, id, "transfer-to-processing", null);
            desk.ok(office, SPECIALIST, id, "submit-for-approval", null);
            desk.ok(office, LEADER, id, "approve", null);
            desk.ok(office, LEADER, id, "sign-result", null);
            assertThat(desk.ok(office, RECEPTION, id, "return-result", "{\"channel\":\"ONLINE\"}"))
                    .as(p.nationalCode()).isEqualTo("RETURNED");
            walked.add(p.nationalCode());
        }
        assertThat(walked).contains("1.001193", "1.000894", "1.000656", "2.000908", "2.000884", "2.000720");
    }

    @Test
    void legacyWardToDistrictToWardBeforeTheReformOfJuly2025() throws Exception {
        Instant start = Instant.parse("2025-03-10T02:00:00Z"); // Monday 09:00 in Vietnam
        String ward = "hoa-binh"; // doan-ket is the archive tests' ward
        String district = "ayun-pa";
        long id = clock.at(start, () -> desk.receiveAccepted(ward, "1.003003", "application", "land-papers"));
        String[][] steps = {
                {ward, "RECEPTION", "transfer-to-processing", null},
                {ward, "SPECIALIST", "forward", Desk.json(Map.of("toOfficeId", district))},
                {district, "SPECIALIST", "accept-forwarded", null},
                {district, "SPECIALIST", "submit-for-approval", null},
                {district, "LEADER", "approve", null},
                {district, "LEADER", "sign-result", null},
                {district, "SPECIALIST", "send-back", null},
                {ward, "RECEPTION", "receive-back", null},
                {ward, "RECEPTION", "return-result", "{\"channel\":\"COUNTER\"}"}};
        Instant at = start;
        String state = null;
        for (String[] s : steps) {
            at = at.plusSeconds(3600);
            state = clock.at(at, () -> desk.ok(s[0], Role.valueOf(s[1]), id, s[2], s[3]));
        }
        assertThat(state).isEqualTo("RETURNED");
        MvcResult done = desk.get(ward, RECEPTION, "/api/dossiers/{id}", id);
        assertThat(Desk.<String>read(done, "$.code")).startsWith("000.04.09.H21-250310-");
        assertThat(Desk.<List<String>>read(done, "$.results")).hasSize(1);
        assertThat(Desk.<List<String>>read(done, "$.history[*].heldByOfficeId")).contains(district).endsWith(ward);
        // Today the legacy ward no longer exists: it cannot receive.
        assertThat(desk.receive(ward, "1.003003", "ACCEPT", "", "application", "land-papers").getResponse().getStatus())
                .isIn(403, 422);
    }

    private static String[] mandatory(Procedure p) {
        return p.components().stream().filter(Component::mandatory).map(Component::key).toArray(String[]::new);
    }
}
