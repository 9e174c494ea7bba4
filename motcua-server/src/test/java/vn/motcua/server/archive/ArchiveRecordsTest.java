package vn.motcua.server.archive;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import vn.motcua.domain.dossier.Action;
import vn.motcua.domain.dossier.Channel;
import vn.motcua.domain.dossier.Dossier;
import vn.motcua.domain.office.Role;
import vn.motcua.server.Desk;
import vn.motcua.server.ServerTest;
import vn.motcua.server.dossier.Applicant;
import vn.motcua.server.report.GeneratedHistory;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static vn.motcua.server.report.GeneratedHistory.DOAN_KET;
import static vn.motcua.server.report.GeneratedHistory.HOA_BINH;
import static vn.motcua.server.report.GeneratedHistory.at;

/** Filing with the procedure's retention, the disposal list, disposal by archivists only, read-only archived dossiers. */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchiveRecordsTest {

    @Autowired
    Desk desk;
    @Autowired
    GeneratedHistory history;
    @Autowired
    JdbcClient jdbc;

    long fiveYears;
    long permanent;

    @BeforeAll
    void generate() {
        fiveYears = archivedIn2020("2.000908", "2020-03-02T08:30", "Vũ Thị Lưu Trữ");
        permanent = archivedIn2020("1.001193", "2020-03-03T08:30", "Hồ Văn Vĩnh Viễn");
    }

    private long archivedIn2020(String procedure, String receivedAt, String name) {
        Instant t = at(receivedAt);
        List<UnaryOperator<Dossier>> steps = List.of(
                history.act(new Action.TransferToProcessing(""), Role.RECEPTION, DOAN_KET, t.plusSeconds(600)),
                history.act(new Action.SubmitForApproval(""), Role.SPECIALIST, DOAN_KET, t.plusSeconds(1200)),
                history.act(new Action.Approve(""), Role.LEADER, DOAN_KET, t.plusSeconds(1800)),
                history.act(new Action.SignResult(""), Role.LEADER, DOAN_KET, t.plusSeconds(2400)),
                history.act(new Action.ReturnResult(Channel.COUNTER, ""), Role.RECEPTION, DOAN_KET, t.plusSeconds(3000)),
                history.act(new Action.Archive(""), Role.ARCHIVIST, DOAN_KET, at("2020-03-10T10:00")));
        return history.store(procedure, DOAN_KET, Channel.COUNTER, t, new Applicant(name, "079300000001", null, null, null),
                steps);
    }

    private MvcResult dispose(String office, Role role, long id, String note) throws Exception {
        return desk.mvc().perform(post("/api/archive/disposal/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .content(note == null ? "{}" : "{\"note\":\"" + note + "\"}").header("Accept-Language", "en")
                .with(desk.as(office, role)).with(csrf())).andReturn();
    }

    @Test
    void filingTakesTheProceduresRetentionAndComputesTheDisposalDate() throws Exception {
        MvcResult r = desk.get(DOAN_KET, Role.ARCHIVIST, "/api/archive/records/{id}", fiveYears);
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(Desk.<Integer>read(r, "$.retentionYears")).isEqualTo(5);
        assertThat(Desk.<String>read(r, "$.disposalDate")).isEqualTo("2025-03-10");
        assertThat(Desk.<String>read(r, "$.startDate")).isEqualTo("2020-03-02");
        assertThat(Desk.<String>read(r, "$.endDate")).isEqualTo("2020-03-10");
        assertThat(Desk.<String>read(r, "$.accessLevel")).isEqualTo("INTERNAL");
        assertThat(Desk.<String>read(r, "$.title")).contains("Chứng thực bản sao");
        MvcResult p = desk.get(DOAN_KET, Role.ARCHIVIST, "/api/archive/records/{id}", permanent);
        assertThat(Desk.<Object>read(p, "$.retentionYears")).isNull();
        assertThat(Desk.<Object>read(p, "$.disposalDate")).isNull();
        // Another ward cannot see the record.
        assertThat(desk.get(HOA_BINH, Role.ARCHIVIST, "/api/archive/records/{id}", fiveYears).getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void aDossierArchivedThroughTheDeskIsFiledToo() throws Exception {
        String ward = "phuong-ayun-pa";
        long id = desk.receiveAccepted(ward, "2.000908", "original", "copy");
        desk.ok(ward, Role.RECEPTION, id, "transfer-to-processing", null);
        desk.ok(ward, Role.SPECIALIST, id, "submit-for-approval", null);
        desk.ok(ward, Role.LEADER, id, "approve", null);
        desk.ok(ward, Role.LEADER, id, "sign-result", null);
        desk.ok(ward, Role.RECEPTION, id, "return-result", "{\"channel\":\"COUNTER\"}");
        desk.ok(ward, Role.ARCHIVIST, id, "archive", null);
        MvcResult r = desk.get(ward, Role.ARCHIVIST, "/api/archive/records/{id}", id);
        assertThat(Desk.<Integer>read(r, "$.retentionYears")).isEqualTo(5);
        assertThat(Desk.<Integer>read(r, "$.documentCount")).isEqualTo(2);
        // Within its retention: not on the disposal list, and it cannot be disposed of.
        assertThat(Desk.<List<Integer>>read(desk.get(ward, Role.ARCHIVIST, "/api/archive/disposal"), "$[*].dossierId"))
                .doesNotContain((int) id);
        MvcResult early = dispose(ward, Role.ARCHIVIST, id, "QĐ 1/2026");
        assertThat(early.getResponse().getStatus()).isEqualTo(409);
        assertThat(Desk.<String>read(early, "$.key")).isEqualTo("archive.error.notDue");
        // Archived dossiers are read-only: no transition, no row change, no new document.
        assertThat(desk.act(ward, Role.ARCHIVIST, id, "archive", null).getResponse().getStatus()).isIn(403, 409);
        assertThatThrownBy(() -> jdbc.sql("update dossier set applicant_phone = '0' where id = ?").param(id).update())
                .hasMessageContaining("read-only");
        assertThatThrownBy(() -> history.document(id, "{}", "GREY")).hasMessageContaining("read-only");
    }

    @Test
    void onlyArchivistsDisposeOfRecordsPastRetentionWithANoteAndItIsAudited() throws Exception {
        List<Integer> list = Desk.read(desk.get(DOAN_KET, Role.ARCHIVIST, "/api/archive/disposal"), "$[*].dossierId");
        assertThat(list).contains((int) fiveYears).doesNotContain((int) permanent);
        assertThat(Desk.<List<Integer>>read(desk.get(HOA_BINH, Role.ARCHIVIST, "/api/archive/disposal"), "$[*].dossierId"))
                .doesNotContain((int) fiveYears);

        assertThat(dispose(DOAN_KET, Role.LEADER, fiveYears, "QĐ 12/QĐ-UBND").getResponse().getStatus()).isEqualTo(403);
        assertThat(dispose(HOA_BINH, Role.ARCHIVIST, fiveYears, "QĐ 12/QĐ-UBND").getResponse().getStatus()).isEqualTo(404);
        MvcResult noNote = dispose(DOAN_KET, Role.ARCHIVIST, fiveYears, null);
        assertThat(noNote.getResponse().getStatus()).isEqualTo(400);
        assertThat(Desk.<String>read(noNote, "$.key")).isEqualTo("archive.error.disposalNote");
        assertThat(dispose(DOAN_KET, Role.ARCHIVIST, permanent, "QĐ 12/QĐ-UBND").getResponse().getStatus()).isEqualTo(409);

        MvcResult done = dispose(DOAN_KET, Role.ARCHIVIST, fiveYears, "QĐ 12/QĐ-UBND ngày 01/06/2025");
        assertThat(done.getResponse().getStatus()).as(Desk.body(done)).isEqualTo(200);
        assertThat(Desk.<String>read(done, "$.disposedBy")).isEqualTo("doan-ket.archivist");
        assertThat(Desk.<String>read(done, "$.disposalNote")).startsWith("QĐ 12");
        String code = Desk.read(done, "$.fileCode");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'archive.dispose' and target = ?").param(code)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(dispose(DOAN_KET, Role.ARCHIVIST, fiveYears, "again").getResponse().getStatus()).isEqualTo(409);
        assertThat(Desk.<List<Integer>>read(desk.get(DOAN_KET, Role.ARCHIVIST, "/api/archive/disposal"), "$[*].dossierId"))
                .doesNotContain((int) fiveYears);
    }

    @Test
    void archivistsChangeTheRecordsMetadataAudited() throws Exception {
        MvcResult ok = desk.mvc().perform(put("/api/archive/records/{id}", permanent).contentType(MediaType.APPLICATION_JSON)
                .content("{\"accessLevel\":\"RESTRICTED\",\"pageCount\":12,\"paperFileCode\":\"HS-2020-07\"}")
                .with(desk.as(DOAN_KET, Role.ARCHIVIST)).with(csrf())).andReturn();
        assertThat(ok.getResponse().getStatus()).isEqualTo(200);
        assertThat(Desk.<String>read(ok, "$.accessLevel")).isEqualTo("RESTRICTED");
        assertThat(Desk.<Integer>read(ok, "$.pageCount")).isEqualTo(12);
        assertThat(jdbc.sql("select detail from audit_log where action = 'archive.record.change' order by id desc limit 1")
                .query(String.class).single()).contains("accessLevel=RESTRICTED").contains("pageCount=12");
        MvcResult bad = desk.mvc().perform(put("/api/archive/records/{id}", permanent).contentType(MediaType.APPLICATION_JSON)
                .content("{\"accessLevel\":\"SECRET\"}").with(desk.as(DOAN_KET, Role.ARCHIVIST)).with(csrf())).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        MvcResult leader = desk.mvc().perform(put("/api/archive/records/{id}", permanent).contentType(MediaType.APPLICATION_JSON)
                .content("{\"notes\":\"x\"}").with(desk.as(DOAN_KET, Role.LEADER)).with(csrf())).andReturn();
        assertThat(leader.getResponse().getStatus()).isEqualTo(403);
        assertThat(desk.get(DOAN_KET, Role.ARCHIVIST, "/archive/disposal").getResponse().getStatus()).isEqualTo(200);
    }
}
