package vn.motcua.server;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;

@ServerTest
class StartupTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Desk desk;

    @Test
    void startsOnEmbeddedPostgresWithOfficesAndOneDemoUserPerRoleAndOffice() {
        // Demo accounts are made at start for the shipped offices; offices that administrators add later get none.
        int offices = vn.motcua.domain.office.OfficeDirectory.shipped().all().size();
        assertThat(offices).isGreaterThan(0);
        assertThat(jdbc.sql("select count(*) from office").query(Integer.class).single()).isGreaterThanOrEqualTo(offices);
        assertThat(jdbc.sql("select count(*) from app_user_role r join app_user u using (username)"
                + " where u.username like '%.%' and u.username <> 'lockout.test'").query(Integer.class).single())
                .isGreaterThanOrEqualTo(offices * 5);
        assertThat(jdbc.sql("select count(distinct role) from app_user_role where username like 'doan-ket.%'")
                .query(Integer.class).single()).isEqualTo(5);
    }

    @Test
    void publishesTheOpenApiDescriptionAndItsBrowsablePage() throws Exception {
        MvcResult docs = desk.anonymous("/v3/api-docs");
        assertThat(docs.getResponse().getStatus()).isEqualTo(200);
        assertThat(Desk.body(docs)).contains("/api/dossiers/{id}/actions/{action}", "/api/public/lookup/{code}",
                "/api/dossiers/{id}/slips/{form}", "/api/documents/{id}");
        // The streamed reception form is still described field by field.
        assertThat(Desk.<String>read(docs, "$.paths['/api/dossiers'].post.requestBody.content['multipart/form-data']"
                + ".schema['$ref']")).isEqualTo("#/components/schemas/ReceptionForm");
        assertThat(Desk.<java.util.List<String>>read(docs, "$.components.schemas.ReceptionForm.required"))
                .containsExactlyInAnyOrder("procedureCode", "applicantName", "applicantIdNumber");
        assertThat(desk.anonymous("/swagger-ui/index.html").getResponse().getStatus()).isEqualTo(200);
    }
}
