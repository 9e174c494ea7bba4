package vn.motcua.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.domain.code.InMemoryDailySequence;
import vn.motcua.domain.dossier.Channel;
import vn.motcua.domain.dossier.Dossier;
import vn.motcua.domain.dossier.Reception;
import vn.motcua.domain.dossier.RefusalReason;
import vn.motcua.domain.dossier.TransitionRefusedException;
import vn.motcua.domain.office.Actor;
import vn.motcua.domain.office.Role;

class OneStopTest {

    private static final Instant MONDAY = LocalDateTime.of(2025, 9, 15, 9, 0).atZone(WorkingCalendar.ZONE).toInstant();
    private final OneStop oneStop = OneStop.withExampleData(new InMemoryDailySequence());
    private final Actor reception = new Actor("r", Role.RECEPTION, "xa-ia-rbol");

    @Test
    void parallelReceptionsGetDistinctConsecutiveCodes() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<Dossier>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                Callable<Dossier> receive = () -> oneStop.receive("2.000908", reception, Channel.COUNTER, MONDAY,
                        Set.of("original", "copy"), Reception.Outcome.ACCEPT, "");
                futures.add(pool.submit(receive));
            }
            List<Integer> numbers = new ArrayList<>();
            for (Future<Dossier> f : futures) {
                numbers.add(f.get(30, TimeUnit.SECONDS).code().sequence());
            }
            assertThat(numbers).doesNotHaveDuplicates().hasSize(200);
            assertThat(numbers.stream().mapToInt(Integer::intValue).max().orElseThrow()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void receivesUnderTheVersionInForce() {
        Dossier d = oneStop.receive("2.000720", reception, Channel.ONLINE, MONDAY, Set.of("application", "id-document"),
                Reception.Outcome.ACCEPT, "");
        assertThat(d.procedure().version()).isEqualTo(2);
        assertThat(d.code().value()).isEqualTo("000.00.42.H21-250915-0001");
        assertThatThrownBy(() -> oneStop.receive("9.999999", reception, Channel.ONLINE, MONDAY, Set.of(),
                Reception.Outcome.ACCEPT, "")).isInstanceOfSatisfying(TransitionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RefusalReason.PROCEDURE_NOT_VALID));
    }
}
