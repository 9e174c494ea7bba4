package vn.motcua.server.store;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.domain.code.DossierCode;
import vn.motcua.domain.dossier.Channel;
import vn.motcua.domain.dossier.Reception;
import vn.motcua.domain.office.Actor;
import vn.motcua.domain.office.AgencyCode;
import vn.motcua.domain.office.Role;
import vn.motcua.server.Desk;
import vn.motcua.server.ServerTest;
import vn.motcua.server.TestClock;
import vn.motcua.server.dossier.Applicant;
import vn.motcua.server.dossier.DossierRepository;
import vn.motcua.server.reception.PostgresDailySequence;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reception that dies half-way — its transaction never commits, as when the server is killed — leaves no dossier, no
 * history, no used number; the files it had already written are removed by the start-up clean-up.
 */
@ServerTest
class CrashSafetyTest {

    @Autowired
    Desk desk;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ContentStore store;
    @Autowired
    @Qualifier("removeOrphanContent")
    ApplicationRunner cleanup;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    PostgresDailySequence sequence;
    @Autowired
    vn.motcua.server.admin.LiveCalendar live;
    @Autowired
    vn.motcua.server.office.LiveCatalogue catalogue;
    @Autowired
    DossierRepository dossiers;
    @Autowired
    TestClock clock;

    @Test
    void aReceptionInterruptedBeforeCommitLeavesNoHalfDossierAndNoOrphanFile() throws Exception {
        AgencyCode agency = AgencyCode.parse("000.00.41.H21");
        var now = clock.instant();
        LocalDate day = now.atZone(vn.motcua.domain.calendar.WorkingCalendar.ZONE).toLocalDate();
        int dossiersBefore = count("dossier");
        int historyBefore = count("dossier_history");
        // Files are written first, as in a real reception.
        String sha = store.put(new java.io.ByteArrayInputStream("%PDF-1.4 interrupted".getBytes()), 1000).sha256();
        Integer[] taken = new Integer[1];
        tx.executeWithoutResult(status -> {
            DossierCode code = sequence.nextCode(agency, day);
            taken[0] = code.sequence();
            var d = live.lifecycle().receive(new Reception(
                    catalogue.procedures().versionOn("2.000884", day).orElseThrow(),
                    new Actor("phuong-ayun-pa.reception", Role.RECEPTION, "phuong-ayun-pa"), Channel.COUNTER, now,
                    Set.of("document", "id-document"), Reception.Outcome.ACCEPT, ""), code);
            dossiers.insert(d, new Applicant("Võ Thị F", "079123456700", null, null, null), now);
            status.setRollbackOnly(); // the server dies here: PostgreSQL never sees a commit
        });
        assertThat(count("dossier")).isEqualTo(dossiersBefore);
        assertThat(count("dossier_history")).isEqualTo(historyBefore);
        // The number was not used up: the next reception of the day gets it.
        long id = desk.receiveAccepted("phuong-ayun-pa", "2.000884", "document", "id-document");
        MvcResult next = desk.get("phuong-ayun-pa", Role.RECEPTION, "/api/dossiers/{id}", id);
        assertThat(DossierCode.parse(Desk.read(next, "$.code")).sequence()).isEqualTo(taken[0]);

        // At the next start the orphan file goes; referenced files stay.
        assertThat(store.exists(sha)).isTrue();
        cleanup.run(new DefaultApplicationArguments());
        assertThat(store.exists(sha)).isFalse();
        for (String referenced : jdbc.sql("select sha256 from document").query(String.class).list()) {
            assertThat(store.exists(referenced)).isTrue();
        }
    }

    @Test
    void aRefusedReceptionStoresNothing() throws Exception {
        int before = count("dossier");
        int documents = count("document");
        MvcResult refused = desk.receive("phuong-ayun-pa", "2.000884", "ACCEPT", "", "document"); // id-document missing
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(Desk.<String>read(refused, "$.key")).isEqualTo("reception.refused.missingComponents");
        assertThat(count("dossier")).isEqualTo(before);
        assertThat(count("document")).isEqualTo(documents);
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }
}
