package vn.motcua.server.dossier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.domain.code.DossierCode;
import vn.motcua.domain.dossier.Action;
import vn.motcua.domain.dossier.Channel;
import vn.motcua.domain.dossier.Reception;
import vn.motcua.domain.office.Role;
import vn.motcua.server.ServerTest;
import vn.motcua.server.demo.DemoData;
import vn.motcua.server.reception.ReceptionService;
import vn.motcua.server.security.DeskUser;
import vn.motcua.server.security.UserDirectory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Receptions and transitions racing each other on the real database. */
@ServerTest
class ConcurrencyTest {

    static final String OFFICE = "phuong-ayun-pa";

    @Autowired
    ReceptionService reception;
    @Autowired
    DossierService dossiers;
    @Autowired
    UserDirectory users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void fiftyParallelReceptionsGetUniqueConsecutiveCodes() throws Exception {
        DeskUser officer = users.loadUserByUsername(DemoData.username(OFFICE, Role.RECEPTION));
        List<StoredDossier> received = race(50, () -> reception.receive(officer, new ReceptionService.Command("2.000884",
                new Applicant("Lê Văn C", "079000000001", null, null, null), Channel.COUNTER,
                Reception.Outcome.ACCEPT, "", Set.of("document", "id-document"), List.of())));
        assertThat(received).hasSize(50);
        List<DossierCode> codes = received.stream().map(d -> d.dossier().code()).toList();
        assertThat(codes).doesNotHaveDuplicates();
        // Numbers of one day are consecutive (no gap), each row holds the code its reception answered and the history
        // written before it (the row itself comes last), and the day's counter ends on the highest number handed out.
        List<Integer> sequence = codes.stream().map(DossierCode::sequence).sorted().toList();
        assertThat(sequence.get(49) - sequence.get(0)).isEqualTo(49);
        for (StoredDossier d : received) {
            assertThat(jdbc.sql("select code from dossier where id = ?").param(d.id()).query(String.class).single())
                    .isEqualTo(d.dossier().code().value());
            assertThat(jdbc.sql("select count(*) from dossier_history where dossier_id = ?").param(d.id())
                    .query(Integer.class).single()).isEqualTo(d.dossier().history().size());
        }
        assertThat(jdbc.sql("select n from daily_sequence where agency_code = ? and day = ?")
                .params(codes.get(0).agency().value(), codes.get(0).receptionDate()).query(Integer.class).single())
                .isEqualTo(sequence.get(49));
    }

    @Test
    void twoOfficersActingAtOnceOneWinsTheOtherGetsAConflictAndNothingIsHalfApplied() throws Exception {
        DeskUser receptionist = users.loadUserByUsername(DemoData.username(OFFICE, Role.RECEPTION));
        DeskUser specialist = users.loadUserByUsername(DemoData.username(OFFICE, Role.SPECIALIST));
        for (int round = 0; round < 10; round++) {
            StoredDossier d = reception.receive(receptionist, new ReceptionService.Command("2.000884",
                    new Applicant("Lê Văn D", "079000000002", null, null, null), Channel.COUNTER,
                    Reception.Outcome.ACCEPT, "", Set.of("document", "id-document"), List.of()));
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Future<Object> a = pool.submit(() -> attempt(start, () -> dossiers.act(receptionist, d.id(), Optional.of(1),
                    new Action.TransferToProcessing(""), Optional.empty())));
            Future<Object> b = pool.submit(() -> attempt(start, () -> dossiers.act(specialist, d.id(), Optional.of(1),
                    new Action.Forward("gia-lai-land", ""), Optional.empty())));
            start.countDown();
            List<Object> outcomes = List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
            pool.shutdown();
            assertThat(outcomes).filteredOn(o -> o instanceof StoredDossier).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof DeskException e && e.status().value() == 409
                    && e.key().equals("error.dossier.conflict")).hasSize(1);
            assertThat(jdbc.sql("select count(*) from dossier_history where dossier_id = ?").param(d.id())
                    .query(Integer.class).single()).isEqualTo(2);
            assertThat(jdbc.sql("select version from dossier where id = ?").param(d.id()).query(Integer.class).single())
                    .isEqualTo(2);
            assertThat(jdbc.sql("select count(*) from audit_log where target = ? and action <> 'dossier.RECEIVE'")
                    .param(d.code()).query(Integer.class).single()).isEqualTo(1);
        }
    }

    private static Object attempt(CountDownLatch start, Callable<Object> action) throws Exception {
        start.await();
        try {
            return action.call();
        } catch (DeskException e) {
            return e;
        }
    }

    private static <T> List<T> race(int n, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return results;
    }
}
