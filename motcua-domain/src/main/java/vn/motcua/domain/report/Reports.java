package vn.motcua.domain.report;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vn.motcua.domain.dossier.ActionType;
import vn.motcua.domain.dossier.Channel;
import vn.motcua.domain.dossier.Dossier;
import vn.motcua.domain.dossier.DossierState;
import vn.motcua.domain.dossier.HistoryEntry;
import vn.motcua.domain.dossier.Verdict;
import vn.motcua.domain.procedure.OnlineLevel;

/**
 * Computes an {@link OfficeReport} from dossiers and their histories. Definitions:
 * <ul>
 * <li>An office's dossiers are those it <em>received</em> and accepted (Form 01); forwarded dossiers count at the
 * office that received them. Incomplete (Form 02) and refused-at-reception (Form 03) dossiers are not counted.</li>
 * <li>The window runs from 00:00 of the first day to the end of the last day, or to {@code now} if earlier
 * ({@code asOf}); an event counts when its history entry falls in the window.</li>
 * <li>Received: accepted in the window, by channel. Carried over: accepted before the window and neither resolved nor
 * closed when it starts.</li>
 * <li>Resolved: the first result signed in the window, judged against the due date then in force: early (a day before
 * the due day), on time, late.</li>
 * <li>At {@code asOf}, dossiers neither resolved nor closed are waiting for a supplement, or in progress: overdue when
 * past the due date (while the clock is stopped: if it was already past when it stopped), otherwise not yet due.</li>
 * <li>Returned, withdrawn, refused, stopped: those transitions in the window.</li>
 * <li>Online uptake: the new dossiers by the online level of their procedure (FULL/PARTIAL/NONE and the legacy 1–4),
 * and how many of them were received online.</li>
 * </ul>
 */
public final class Reports {

    private Reports() {
    }

    public static OfficeReport compute(Collection<Dossier> dossiers, String officeId, Period period, Instant now) {
        Instant start = period.start();
        Instant asOf = now.isBefore(period.end()) ? now : period.end();
        int online = 0, counter = 0, post = 0, carried = 0, early = 0, onTime = 0, late = 0, notYetDue = 0,
                overdue = 0, supplement = 0, returned = 0, withdrawn = 0, refused = 0, stopped = 0;
        Map<OnlineLevel, int[]> byLevel = new EnumMap<>(OnlineLevel.class);
        Map<Integer, int[]> byLegacy = new TreeMap<>();
        for (OnlineLevel level : OnlineLevel.values()) {
            byLevel.put(level, new int[2]);
        }
        for (int legacy = 1; legacy <= 4; legacy++) {
            byLegacy.put(legacy, new int[2]);
        }
        for (Dossier d : dossiers) {
            if (!d.receivingOfficeId().equals(officeId) || d.history().get(0).to() != DossierState.RECEIVED) {
                continue;
            }
            List<HistoryEntry> history = d.history();
            if (within(d.receivedAt(), start, asOf)) {
                switch (d.channel()) {
                    case ONLINE -> online++;
                    case COUNTER -> counter++;
                    case POST -> post++;
                }
                int viaOnline = d.channel() == Channel.ONLINE ? 1 : 0;
                for (int[] uptake : List.of(byLevel.get(d.procedure().onlineLevel()),
                        byLegacy.get(d.procedure().legacyOnlineLevel()))) {
                    uptake[0]++;
                    uptake[1] += viaOnline;
                }
            } else if (d.receivedAt().isBefore(start) && isOpen(history, start)) {
                carried++;
            }
            Optional<HistoryEntry> signed = history.stream().filter(e -> e.action() == ActionType.SIGN_RESULT).findFirst();
            if (signed.isPresent() && within(signed.get().at(), start, asOf)) {
                switch (Verdict.judge(signed.get().at(), signed.get().dueAt().orElseThrow())) {
                    case EARLY -> early++;
                    case ON_TIME -> onTime++;
                    case LATE -> late++;
                }
            }
            for (HistoryEntry e : history) {
                if (within(e.at(), start, asOf)) {
                    switch (e.action()) {
                        case RETURN_RESULT -> returned++;
                        case WITHDRAW -> withdrawn++;
                        case REFUSE -> refused++;
                        case STOP -> stopped++;
                        default -> {
                        }
                    }
                }
            }
            if (d.receivedAt().isBefore(asOf) && isOpen(history, asOf)) {
                HistoryEntry last = lastBefore(history, asOf);
                if (last.to() == DossierState.AWAITING_SUPPLEMENT) {
                    supplement++;
                } else if ((last.clockPaused() ? last.at() : asOf).isAfter(last.dueAt().orElseThrow())) {
                    overdue++;
                } else {
                    notYetDue++;
                }
            }
        }
        return new OfficeReport(officeId, period, asOf, online, counter, post, carried, early, onTime, late, notYetDue,
                overdue, supplement, returned, withdrawn, refused, stopped, uptake(byLevel), uptake(byLegacy));
    }

    private static <K> Map<K, OfficeReport.OnlineUptake> uptake(Map<K, int[]> counts) {
        Map<K, OfficeReport.OnlineUptake> result = new LinkedHashMap<>();
        counts.forEach((k, c) -> result.put(k, new OfficeReport.OnlineUptake(c[0], c[1])));
        return result;
    }

    /** Neither resolved (a result signed) nor closed before the instant. */
    private static boolean isOpen(List<HistoryEntry> history, Instant at) {
        for (HistoryEntry e : history) {
            if (!e.at().isBefore(at)) {
                break;
            }
            if (e.action() == ActionType.SIGN_RESULT || e.to().isFinal()) {
                return false;
            }
        }
        return true;
    }

    private static HistoryEntry lastBefore(List<HistoryEntry> history, Instant at) {
        HistoryEntry last = history.get(0);
        for (HistoryEntry e : history) {
            if (e.at().isBefore(at)) {
                last = e;
            }
        }
        return last;
    }

    private static boolean within(Instant t, Instant start, Instant end) {
        return !t.isBefore(start) && t.isBefore(end);
    }
}
