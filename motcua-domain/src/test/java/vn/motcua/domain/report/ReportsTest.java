package vn.motcua.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.domain.dossier.Fixtures.ONE_STOP;
import static vn.motcua.domain.dossier.Fixtures.accepted;
import static vn.motcua.domain.dossier.Fixtures.actor;
import static vn.motcua.domain.dossier.Fixtures.at;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.motcua.domain.dossier.Action;
import vn.motcua.domain.dossier.Channel;
import vn.motcua.domain.dossier.Dossier;
import vn.motcua.domain.dossier.DossierState;
import vn.motcua.domain.dossier.HistoryEntry;
import vn.motcua.domain.dossier.RandomWalk;
import vn.motcua.domain.office.Actor;
import vn.motcua.domain.office.Role;
import vn.motcua.domain.procedure.OnlineLevel;
import vn.motcua.domain.procedure.Procedure;

class ReportsTest {

    private static final String WARD = "phuong-ayun-pa";
    private static final Actor RECEPTION = actor(Role.RECEPTION, WARD);
    private static final Actor SPECIALIST = actor(Role.SPECIALIST, WARD);
    private static final Actor LEADER = actor(Role.LEADER, WARD);

    private static Dossier resolve(Dossier d, String signedAt) {
        d = ONE_STOP.apply(d, new Action.TransferToProcessing(""), RECEPTION, d.receivedAt().plusSeconds(600));
        d = ONE_STOP.apply(d, new Action.SubmitForApproval(""), SPECIALIST, d.receivedAt().plusSeconds(1200));
        d = ONE_STOP.apply(d, new Action.Approve(""), LEADER, d.receivedAt().plusSeconds(1800));
        return ONE_STOP.apply(d, new Action.SignResult(""), LEADER, at(signedAt));
    }

    @Test
    void workedExampleOfOneMonth() {
        // household business: 3 working days. Received Mon 15/09 → due Thu 18/09 17:00.
        Dossier early = resolve(accepted("2.000720", WARD, Channel.ONLINE, at("2025-09-15T08:00")), "2025-09-17T10:00");
        Dossier onTime = resolve(accepted("2.000720", WARD, Channel.COUNTER, at("2025-09-15T08:00")), "2025-09-18T16:00");
        Dossier late = resolve(accepted("2.000720", WARD, Channel.POST, at("2025-09-15T08:00")), "2025-09-19T08:00");
        late = ONE_STOP.apply(late, new Action.ReturnResult(Channel.POST, ""), RECEPTION, at("2025-09-19T09:00"));
        Dossier withdrawn = ONE_STOP.apply(accepted("2.000720", WARD, Channel.ONLINE, at("2025-09-22T08:00")),
                new Action.Withdraw(""), RECEPTION, at("2025-09-22T09:00"));
        Dossier overdue = accepted("2.000720", WARD, Channel.ONLINE, at("2025-09-24T08:00"));       // due 29/09
        Dossier notYetDue = accepted("2.000720", WARD, Channel.COUNTER, at("2025-09-29T08:00"));    // due 02/10
        Dossier supplement = ONE_STOP.apply(ONE_STOP.apply(accepted("2.000720", WARD, Channel.COUNTER,
                at("2025-09-10T08:00")), new Action.TransferToProcessing(""), RECEPTION, at("2025-09-10T09:00")),
                new Action.RequestSupplement(""), SPECIALIST, at("2025-09-11T09:00"));
        Dossier carried = accepted("2.000720", WARD, Channel.COUNTER, at("2025-08-29T08:00"));
        Dossier carriedResolved = resolve(carried, "2025-09-03T09:00");
        Dossier otherOffice = accepted("2.000720", "xa-ia-rbol", Channel.ONLINE, at("2025-09-15T08:00"));
        List<Dossier> all = List.of(early, onTime, late, withdrawn, overdue, notYetDue, supplement, carriedResolved,
                otherOffice);

        OfficeReport r = Reports.compute(all, WARD, Period.month(2025, 9), at("2025-10-05T00:00"));
        assertThat(r.asOf()).isEqualTo(at("2025-10-01T00:00"));
        assertThat(r.receivedOnline()).isEqualTo(3);
        assertThat(r.receivedCounter()).isEqualTo(3);
        assertThat(r.receivedPost()).isEqualTo(1);
        assertThat(r.carriedOver()).isEqualTo(1);
        // 17/09 before the due day 18/09; the carried one (29/08 + 3 working days, after the 2/9 holidays) on 03/09
        assertThat(r.resolvedEarly()).as(r.toString()).isEqualTo(2);
        assertThat(r.resolvedOnTime()).as(r.toString()).isEqualTo(1);
        assertThat(r.resolvedLate()).as(r.toString()).isEqualTo(1);
        assertThat(r.returned()).isEqualTo(1);
        assertThat(r.withdrawn()).isEqualTo(1);
        assertThat(r.waitingForSupplement()).isEqualTo(1);
        assertThat(r.inProgressOverdue()).isEqualTo(1);
        assertThat(r.inProgressNotYetDue()).isEqualTo(1);
        assertThat(r.onTimeRate()).contains(new BigDecimal("75.00"));
        assertThat(r.onlineRate()).contains(new BigDecimal("42.86"));
        // household business is a fully online procedure (legacy level 4)
        assertThat(r.byOnlineLevel()).containsEntry(OnlineLevel.FULL, new OfficeReport.OnlineUptake(7, 3))
                .containsEntry(OnlineLevel.PARTIAL, new OfficeReport.OnlineUptake(0, 0))
                .containsEntry(OnlineLevel.NONE, new OfficeReport.OnlineUptake(0, 0));
        assertThat(r.byLegacyOnlineLevel()).containsEntry(4, new OfficeReport.OnlineUptake(7, 3))
                .containsEntry(3, new OfficeReport.OnlineUptake(0, 0)).hasSize(4);
        assertThat(r.byOnlineLevel().get(OnlineLevel.FULL).rate()).contains(new BigDecimal("42.86"));
        assertThat(r.byOnlineLevel().get(OnlineLevel.PARTIAL).rate()).isEmpty();
    }

    @Test
    void emptyPeriodHasNoRates() {
        OfficeReport r = Reports.compute(List.of(), WARD, Period.month(2025, 9), at("2025-10-05T00:00"));
        assertThat(r.onTimeRate()).isEmpty();
        assertThat(r.onlineRate()).isEmpty();
    }

    @Test
    void generatedDataMatchesAnIndependentRecount() {
        List<Dossier> dossiers = new ArrayList<>();
        for (long seed = 1; seed <= 600; seed++) {
            RandomWalk walk = new RandomWalk(seed * 7919, 0.92);
            Dossier d = walk.receive(at("2025-07-01T07:00"), at("2025-12-20T17:00"), e -> { });
            if (d != null) {
                dossiers.add(walk.walk(d, (int) (seed % 21), a -> { })); // lives of every length
            }
        }
        assertThat(dossiers).hasSizeGreaterThan(400);
        List<Period> periods = List.of(Period.month(2025, 8), Period.month(2025, 9), Period.month(2025, 10),
                new Period(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 12, 31)),
                new Period(LocalDate.of(2025, 10, 15), LocalDate.of(2025, 11, 14)));
        List<Instant> nows = List.of(at("2026-01-15T00:00"), at("2025-10-20T10:30"), at("2025-09-12T15:00"));
        int[] sums = new int[16];
        for (String office : List.of("phuong-ayun-pa", "xa-ia-rbol", "gia-lai", "gia-lai-land")) {
            for (Period period : periods) {
                for (Instant now : nows) {
                    OfficeReport expected = recount(dossiers, office, period, now);
                    assertThat(Reports.compute(dossiers, office, period, now)).as(office + " " + period + " " + now)
                            .isEqualTo(expected);
                    int[] figures = {expected.receivedOnline(), expected.receivedCounter(), expected.receivedPost(),
                            expected.carriedOver(), expected.resolvedEarly(), expected.resolvedOnTime(),
                            expected.resolvedLate(), expected.inProgressNotYetDue(), expected.inProgressOverdue(),
                            expected.waitingForSupplement(), expected.returned(), expected.withdrawn(),
                            expected.refused(), expected.stopped(),
                            expected.byOnlineLevel().get(OnlineLevel.FULL).receivedOnline(),
                            expected.byOnlineLevel().get(OnlineLevel.PARTIAL).receivedOnline()};
                    for (int i = 0; i < figures.length; i++) {
                        sums[i] += figures[i];
                    }
                }
            }
        }
        // the generated data exercises every category (a recount of zeros would prove nothing)
        assertThat(java.util.Arrays.stream(sums).min().orElseThrow()).as(java.util.Arrays.toString(sums)).isPositive();
    }

    private static final Set<DossierState> SETTLED = EnumSet.of(DossierState.RESULT_SIGNED, DossierState.RETURNED,
            DossierState.REFUSED, DossierState.STOPPED, DossierState.WITHDRAWN, DossierState.ARCHIVED,
            DossierState.INCOMPLETE);

    /** The report written differently: from the history only, by states reached, with epoch-day arithmetic. */
    private static OfficeReport recount(List<Dossier> dossiers, String office, Period period, Instant now) {
        long startSecond = period.from().atStartOfDay().toEpochSecond(ZoneOffset.ofHours(7));
        long endSecond = period.to().plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.ofHours(7));
        long asOf = Math.min(endSecond, now.getEpochSecond());
        int[] n = new int[16];
        List<Dossier> newDossiers = new ArrayList<>();
        for (Dossier d : dossiers) {
            List<HistoryEntry> h = d.history();
            HistoryEntry first = h.get(0);
            if (!first.heldByOfficeId().equals(office) || first.to() != DossierState.RECEIVED) {
                continue;
            }
            long received = first.at().getEpochSecond();
            if (received >= startSecond && received < asOf) {
                n[d.channel().ordinal()]++; // slots 0-2 by channel
                newDossiers.add(d);
            }
            if (received < startSecond && !settledBefore(h, startSecond)) {
                n[3]++;
            }
            for (int i = 1; i < h.size(); i++) {
                HistoryEntry e = h.get(i);
                long t = e.at().getEpochSecond();
                boolean inWindow = t >= startSecond && t < asOf;
                if (e.to() == DossierState.RESULT_SIGNED && firstSigning(h, i) && inWindow) {
                    long due = h.get(i - 1).dueAt().orElseThrow().getEpochSecond();
                    if (t > due) {
                        n[6]++;
                    } else if (Math.floorDiv(t + 7 * 3600, 86_400) < Math.floorDiv(due + 7 * 3600, 86_400)) {
                        n[4]++;
                    } else {
                        n[5]++;
                    }
                }
                if (inWindow && e.from().orElseThrow() != e.to()) {
                    switch (e.to()) {
                        case RETURNED -> n[10]++;
                        case WITHDRAWN -> n[11]++;
                        case REFUSED -> n[12]++;
                        case STOPPED -> n[13]++;
                        default -> {
                        }
                    }
                }
            }
            if (received < asOf && !settledBefore(h, asOf)) {
                HistoryEntry last = null;
                for (HistoryEntry e : h) {
                    if (e.at().getEpochSecond() < asOf) {
                        last = e;
                    }
                }
                long due = last.dueAt().orElseThrow().getEpochSecond();
                if (last.to() == DossierState.AWAITING_SUPPLEMENT) {
                    n[9]++;
                } else if (last.to() == DossierState.AWAITING_FINANCIAL_OBLIGATION
                        ? last.at().getEpochSecond() > due : asOf > due) {
                    n[8]++;
                } else {
                    n[7]++;
                }
            }
        }
        Map<OnlineLevel, OfficeReport.OnlineUptake> byLevel = new java.util.HashMap<>();
        for (OnlineLevel level : OnlineLevel.values()) {
            byLevel.put(level, uptake(newDossiers, p -> p.onlineLevel() == level));
        }
        Map<Integer, OfficeReport.OnlineUptake> byLegacy = new java.util.HashMap<>();
        for (int legacy : new int[] {1, 2, 3, 4}) {
            byLegacy.put(legacy, uptake(newDossiers, p -> p.legacyOnlineLevel() == legacy));
        }
        return new OfficeReport(office, period, Instant.ofEpochSecond(asOf), n[Channel.ONLINE.ordinal()],
                n[Channel.COUNTER.ordinal()], n[Channel.POST.ordinal()], n[3], n[4], n[5], n[6], n[7], n[8], n[9],
                n[10], n[11], n[12], n[13], byLevel, byLegacy);
    }

    private static OfficeReport.OnlineUptake uptake(List<Dossier> dossiers, java.util.function.Predicate<Procedure> which) {
        List<Dossier> of = dossiers.stream().filter(d -> which.test(d.procedure())).toList();
        return new OfficeReport.OnlineUptake(of.size(), (int) of.stream().filter(d -> d.channel() == Channel.ONLINE).count());
    }

    private static boolean firstSigning(List<HistoryEntry> h, int index) {
        for (int i = 0; i < index; i++) {
            if (h.get(i).to() == DossierState.RESULT_SIGNED) {
                return false;
            }
        }
        return true;
    }

    private static boolean settledBefore(List<HistoryEntry> h, long second) {
        return h.stream().anyMatch(e -> e.at().getEpochSecond() < second && SETTLED.contains(e.to()));
    }
}
