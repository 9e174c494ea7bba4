package vn.motcua.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.domain.code.DossierCode;
import vn.motcua.domain.code.InMemoryDailySequence;
import vn.motcua.domain.dossier.Action;
import vn.motcua.domain.dossier.Channel;
import vn.motcua.domain.dossier.Dossier;
import vn.motcua.domain.dossier.Reception;
import vn.motcua.domain.office.Actor;
import vn.motcua.domain.office.AgencyCode;
import vn.motcua.domain.office.Role;
import vn.motcua.domain.report.Period;

/**
 * Prints what the domain engine costs (not a test; no unit test asserts a duration). Run with
 * {@code ./mvnw -pl motcua-domain -Pbench verify}.
 */
public final class DomainBench {

    private static final String WARD = "phuong-ayun-pa";

    private DomainBench() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("%-62s %14s%n", "operation", "result");
        codesFromManyThreads();
        OneStop oneStop = OneStop.withExampleData(new InMemoryDailySequence());
        Actor reception = new Actor("r", Role.RECEPTION, WARD);
        Actor specialist = new Actor("s", Role.SPECIALIST, WARD);
        Actor leader = new Actor("l", Role.LEADER, WARD);
        Actor archivist = new Actor("a", Role.ARCHIVIST, WARD);
        Instant start = LocalDateTime.of(2025, 9, 15, 8, 0).atZone(WorkingCalendar.ZONE).toInstant();
        var procedure = oneStop.procedures().versionOn("2.000720", LocalDate.of(2025, 9, 15)).orElseThrow();
        List<Dossier> lives = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        long t0 = System.nanoTime();
        int n = 0;
        while (System.nanoTime() < deadline) {
            // one dossier a minute, spread over the working days of the following weeks
            Instant at = start.plusSeconds(60L * (n % 5_000) + 86_400L * (n / 5_000 % 60));
            Dossier d = oneStop.receive(new Reception(procedure, reception, Channel.values()[n % 3], at,
                    Set.of("application", "id-document"), Reception.Outcome.ACCEPT, ""));
            d = oneStop.apply(d, new Action.TransferToProcessing(""), reception, at.plusSeconds(600));
            d = oneStop.apply(d, new Action.SubmitForApproval(""), specialist, at.plusSeconds(86_400));
            d = oneStop.apply(d, new Action.Approve(""), leader, at.plusSeconds(90_000));
            d = oneStop.apply(d, new Action.SignResult(""), leader, at.plusSeconds(90_600));
            d = oneStop.apply(d, new Action.ReturnResult(Channel.COUNTER, ""), reception, at.plusSeconds(172_800));
            d = oneStop.apply(d, new Action.Archive(""), archivist, at.plusSeconds(259_200));
            if (lives.size() < 20_000) {
                lives.add(d);
            }
            n++;
        }
        double micros = (System.nanoTime() - t0) / 1_000.0 / n;
        System.out.printf("%-62s %11.1f µs%n", "one dossier life (receive + 6 transitions), one thread", micros);

        Dossier received = oneStop.receive(new Reception(procedure, reception, Channel.ONLINE, start,
                Set.of("application", "id-document"), Reception.Outcome.ACCEPT, ""));
        long calls = 0;
        long sink = 0; // keeps the JIT from dropping the calls
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        t0 = System.nanoTime();
        while (System.nanoTime() < deadline) {
            sink += oneStop.allowedActions(received, reception, start.plusSeconds(calls % 1000)).size();
            calls++;
        }
        System.out.printf("%-62s %11.2f µs%n", "allowedActions (one actor, one dossier)" + (sink < 0 ? "!" : ""),
                (System.nanoTime() - t0) / 1_000.0 / calls);

        int reports = 0;
        t0 = System.nanoTime();
        deadline = t0 + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < deadline) {
            oneStop.report(lives, WARD, Period.month(2025, 10), Instant.parse("2026-01-01T00:00:00Z"));
            reports++;
        }
        System.out.printf("%-62s %11.1f ms%n", "report of one month over " + lives.size() + " dossiers",
                (System.nanoTime() - t0) / 1_000_000.0 / reports);
    }

    private static void codesFromManyThreads() throws Exception {
        InMemoryDailySequence sequence = new InMemoryDailySequence();
        AgencyCode agency = AgencyCode.parse("000.00.41.H21");
        int threads = 50;
        int perThread = 9_999 / threads;
        Set<DossierCode> codes = ConcurrentHashMap.newKeySet();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long[] elapsed = new long[1];
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        codes.add(sequence.nextCode(agency, LocalDate.of(2025, 9, 15)));
                    }
                    return null;
                }));
            }
            long t0 = System.nanoTime();
            go.countDown();
            for (var f : done) {
                f.get();
            }
            elapsed[0] = System.nanoTime() - t0;
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("%-62s %11.0f /s%n", "in-memory dossier codes, 50 threads (" + codes.size() + " unique of "
                + threads * perThread + ")", threads * perThread / (elapsed[0] / 1e9));
    }
}
