package vn.motcua.server.dossier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.server.Desk;
import vn.motcua.server.ServerTest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ServerTest
class DossierRepositoryTest {

    @Autowired
    Desk desk;
    @Autowired
    DossierRepository repository;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    /** Reports load thousands of dossiers at once; the repository reads them 1,000 ids at a time. */
    @Test
    void findAllAcrossChunksGivesEachDossierOnceInIdOrder() throws Exception {
        List<Long> received = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            received.add(desk.receiveAccepted("phuong-ayun-pa", "2.000884", "document", "id-document"));
        }
        // 2,500 ids that match nothing, with the real ones spread over three chunks in reverse order and repeated at
        // the end: each dossier must still come back once, in id order.
        List<Long> ids = new ArrayList<>(LongStream.rangeClosed(-2_500, -1).boxed().toList());
        List<Long> descending = received.stream().sorted(java.util.Comparator.reverseOrder()).toList();
        ids.add(100, descending.get(0));
        ids.add(1_200, descending.get(1));
        ids.add(2_300, descending.get(2));
        ids.addAll(received);

        List<StoredDossier> found = repository.findAll(ids);

        assertThat(found).extracting(StoredDossier::id).containsExactlyElementsOf(received.stream().sorted().toList());
        assertThat(found).allSatisfy(d -> assertThat(d.dossier().history()).isNotEmpty());
    }

    /**
     * Reception writes a dossier's history before its row (the row comes last, under the day's number); the foreign
     * key is checked at commit, so a transaction that never writes the row fails and leaves nothing behind.
     */
    @Test
    void historyWithoutItsDossierRowIsRefusedAtCommitAndNothingStays() throws Exception {
        long received = desk.receiveAccepted("phuong-ayun-pa", "2.000884", "document", "id-document");
        var someDossier = repository.findById(received).orElseThrow().dossier();
        long[] reserved = new long[1];

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            reserved[0] = repository.reserveId();
            repository.insertHistory(reserved[0], someDossier);
        })).isInstanceOf(DataIntegrityViolationException.class);

        assertThat(jdbc.sql("select count(*) from dossier_history where dossier_id = ?").param(reserved[0])
                .query(Integer.class).single()).isZero();
        assertThat(repository.findById(reserved[0])).isEmpty();
    }
}
