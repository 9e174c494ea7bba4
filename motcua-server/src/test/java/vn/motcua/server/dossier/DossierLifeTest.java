package vn.motcua.server.dossier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import vn.motcua.server.Desk;
import vn.motcua.server.ServerTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.domain.office.Role.ARCHIVIST;
import static vn.motcua.domain.office.Role.LEADER;
import static vn.motcua.domain.office.Role.RECEPTION;
import static vn.motcua.domain.office.Role.SPECIALIST;

/** The full life of dossiers over the HTTP API, on the embedded PostgreSQL. */
@ServerTest
class DossierLifeTest {

    static final String WARD = "phuong-ayun-pa";
    static final String PROVINCE_LAND = "gia-lai-land";

    @Autowired
    Desk desk;
    @Autowired
    JdbcClient jdbc;

    @Test
    void communeDossierFromReceptionToReturnedResultAndArchive() throws Exception {
        long id = desk.receiveAccepted(WARD, "1.001193", "declaration", "birth-certificate");
        MvcResult received = desk.get(WARD, RECEPTION, "/api/dossiers/{id}", id);
        assertThat(received.getResponse().getStatus()).isEqualTo(200);
        String code = Desk.read(received, "$.code");
        assertThat(code).matches("000\\.00\\.41\\.H21-\\d{6}-\\d{4}");
        assertThat(Desk.<String>read(received, "$.state")).isEqualTo("RECEIVED");
        assertThat(Desk.<List<?>>read(received, "$.documents")).hasSize(2);
        assertThat(Desk.<String>read(received, "$.dueAt")).isNotNull();

        assertThat(desk.ok(WARD, RECEPTION, id, "transfer-to-processing", null)).isEqualTo("IN_PROCESSING");
        assertThat(desk.ok(WARD, SPECIALIST, id, "submit-for-approval", null)).isEqualTo("AWAITING_APPROVAL");
        assertThat(desk.ok(WARD, LEADER, id, "approve", null)).isEqualTo("APPROVED");
        MvcResult signed = desk.act(WARD, LEADER, id, "sign-result", null);
        assertThat(Desk.<List<String>>read(signed, "$.results")).containsExactly(code + "-KQ1");
        assertThat(desk.ok(WARD, RECEPTION, id, "return-result", "{\"channel\":\"COUNTER\"}")).isEqualTo("RETURNED");
        assertThat(desk.ok(WARD, ARCHIVIST, id, "archive", null)).isEqualTo("ARCHIVED");

        MvcResult done = desk.get(WARD, ARCHIVIST, "/api/dossiers/{id}", id);
        assertThat(Desk.<List<String>>read(done, "$.history[*].action")).containsExactly("RECEIVE",
                "TRANSFER_TO_PROCESSING", "SUBMIT_FOR_APPROVAL", "APPROVE", "SIGN_RESULT", "RETURN_RESULT", "ARCHIVE");
        // Immutable history rows in the database match the aggregate, one per version.
        assertThat(jdbc.sql("select count(*) from dossier_history where dossier_id = ?").param(id).query(Integer.class)
                .single()).isEqualTo(7);
        // Every transition is audited.
        assertThat(jdbc.sql("select count(*) from audit_log where target = ? and action like 'dossier.%'").param(code)
                .query(Integer.class).single()).isEqualTo(7);
        assertThat(jdbc.sql("select kind from notification_outbox where dossier_code = ?").param(code)
                .query(String.class).list()).containsExactly("RESULT_READY");
    }

    @Test
    void communeToProvinceToCommuneInterconnectedRoute() throws Exception {
        long id = desk.receiveAccepted(WARD, "1.004227", "application", "contract", "certificate", "tax-declaration");
        assertThat(desk.ok(WARD, RECEPTION, id, "forward", Desk.json(Map.of("toOfficeId", PROVINCE_LAND,
                "note", "Chuyển Văn phòng Đăng ký đất đai")))).isEqualTo("FORWARDED");
        // The province sees it now; another ward does not.
        assertThat(desk.get(PROVINCE_LAND, SPECIALIST, "/api/dossiers/{id}", id).getResponse().getStatus()).isEqualTo(200);
        assertThat(desk.get("xa-ia-rbol", SPECIALIST, "/api/dossiers/{id}", id).getResponse().getStatus()).isEqualTo(404);
        // The ward cannot process it while the province holds it.
        assertThat(desk.act(WARD, SPECIALIST, id, "submit-for-approval", null).getResponse().getStatus()).isIn(403, 409);

        assertThat(desk.ok(PROVINCE_LAND, SPECIALIST, id, "accept-forwarded", null)).isEqualTo("IN_PROCESSING");
        assertThat(desk.ok(PROVINCE_LAND, SPECIALIST, id, "submit-for-approval", null)).isEqualTo("AWAITING_APPROVAL");
        assertThat(desk.ok(PROVINCE_LAND, LEADER, id, "approve", null)).isEqualTo("APPROVED");
        assertThat(desk.ok(PROVINCE_LAND, LEADER, id, "sign-result", null)).isEqualTo("RESULT_SIGNED");
        assertThat(desk.ok(PROVINCE_LAND, SPECIALIST, id, "send-back", null)).isEqualTo("SENT_BACK");
        assertThat(desk.ok(WARD, RECEPTION, id, "receive-back", null)).isEqualTo("RESULT_SIGNED");
        assertThat(desk.ok(WARD, RECEPTION, id, "return-result", "{\"channel\":\"POST\"}")).isEqualTo("RETURNED");

        MvcResult done = desk.get(WARD, RECEPTION, "/api/dossiers/{id}", id);
        assertThat(Desk.<List<String>>read(done, "$.history[*].heldByOfficeId")).containsExactly(WARD, PROVINCE_LAND,
                PROVINCE_LAND, PROVINCE_LAND, PROVINCE_LAND, PROVINCE_LAND, WARD, WARD, WARD);
    }

    @Test
    void supplementRequestedAndReceived() throws Exception {
        long id = desk.receiveAccepted(WARD, "2.000720", "application", "id-document");
        desk.ok(WARD, RECEPTION, id, "transfer-to-processing", null);
        assertThat(desk.ok(WARD, SPECIALIST, id, "request-supplement", "{\"note\":\"Thiếu bản sao sổ hộ khẩu\"}"))
                .isEqualTo("AWAITING_SUPPLEMENT");
        MvcResult paused = desk.get(WARD, SPECIALIST, "/api/dossiers/{id}", id);
        assertThat(Desk.<Boolean>read(paused, "$.clockPaused")).isTrue();
        assertThat(desk.ok(WARD, RECEPTION, id, "supplement-received", null)).isEqualTo("IN_PROCESSING");
        assertThat(Desk.<Boolean>read(desk.get(WARD, SPECIALIST, "/api/dossiers/{id}", id), "$.clockPaused")).isFalse();
    }

    @Test
    void refusalAtReceptionAndDuringProcessingNeedReasons() throws Exception {
        MvcResult noReason = desk.receive(WARD, "1.000894", "REFUSE", "", "declaration");
        assertThat(noReason.getResponse().getStatus()).isEqualTo(422);
        assertThat(Desk.<String>read(noReason, "$.key")).isEqualTo("dossier.refused.reasonRequired");
        assertThat(Desk.<String>read(noReason, "$.vi")).isNotBlank();
        assertThat(Desk.<String>read(noReason, "$.en")).isNotBlank();

        MvcResult refused = desk.receive(WARD, "1.000894", "REFUSE", "Không thuộc thẩm quyền", "declaration");
        assertThat(refused.getResponse().getStatus()).isEqualTo(201);
        assertThat(Desk.<String>read(refused, "$.state")).isEqualTo("REFUSED");

        MvcResult incomplete = desk.receive(WARD, "1.000894", "INCOMPLETE", "", "declaration");
        assertThat(Desk.<String>read(incomplete, "$.state")).isEqualTo("INCOMPLETE");
        assertThat(Desk.<List<String>>read(incomplete, "$.missingComponents")).contains("marital-status");

        long id = desk.receiveAccepted(WARD, "1.000894", "declaration", "marital-status", "id-documents");
        desk.ok(WARD, RECEPTION, id, "transfer-to-processing", null);
        assertThat(desk.act(WARD, SPECIALIST, id, "refuse", "{}").getResponse().getStatus()).isEqualTo(422);
        assertThat(desk.ok(WARD, SPECIALIST, id, "refuse", "{\"note\":\"Giấy tờ giả mạo\"}")).isEqualTo("REFUSED");
    }

    @Test
    void withdrawalByTheReceivingOffice() throws Exception {
        long id = desk.receiveAccepted(WARD, "2.000908", "original", "copy");
        desk.ok(WARD, RECEPTION, id, "transfer-to-processing", null);
        assertThat(desk.ok(WARD, RECEPTION, id, "withdraw", "{\"note\":\"Người nộp rút hồ sơ\"}")).isEqualTo("WITHDRAWN");
        assertThat(desk.act(WARD, SPECIALIST, id, "submit-for-approval", null).getResponse().getStatus()).isEqualTo(409);
    }
}
