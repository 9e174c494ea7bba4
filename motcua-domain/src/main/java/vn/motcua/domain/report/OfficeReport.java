package vn.motcua.domain.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import vn.motcua.domain.procedure.OnlineLevel;

/**
 * The figures of DOMAIN.md §6 for one office and period (see {@link Reports} for the exact definitions), with the
 * online uptake by the procedures' online level (every level present, zeros included).
 * Rates are percentages with two decimals, empty when there is nothing to divide by.
 */
public record OfficeReport(String officeId, Period period, Instant asOf, int receivedOnline, int receivedCounter,
                           int receivedPost, int carriedOver, int resolvedEarly, int resolvedOnTime, int resolvedLate,
                           int inProgressNotYetDue, int inProgressOverdue, int waitingForSupplement, int returned,
                           int withdrawn, int refused, int stopped, Map<OnlineLevel, OnlineUptake> byOnlineLevel,
                           Map<Integer, OnlineUptake> byLegacyOnlineLevel) {

    /**
     * New dossiers of procedures offered at one online level, and how many of them came online (DOMAIN.md §7: the
     * level since Decree 42/2022 and the legacy 1–4 scale are both reported).
     */
    public record OnlineUptake(int received, int receivedOnline) {

        public Optional<BigDecimal> rate() {
            return percent(receivedOnline, received);
        }
    }

    public OfficeReport {
        byOnlineLevel = Map.copyOf(byOnlineLevel);
        byLegacyOnlineLevel = Map.copyOf(byLegacyOnlineLevel);
    }

    /** New dossiers accepted in the period (online + counter + post). */
    public int receivedNew() {
        return receivedOnline + receivedCounter + receivedPost;
    }

    /** New dossiers plus those carried over from before the period. */
    public int toHandle() {
        return receivedNew() + carriedOver;
    }

    public int resolved() {
        return resolvedEarly + resolvedOnTime + resolvedLate;
    }

    /** Resolved early or on time, over resolved (the seeds quote "52,303 early or on time of 52,685 = 99.27%"). */
    public Optional<BigDecimal> onTimeRate() {
        return percent(resolvedEarly + resolvedOnTime, resolved());
    }

    /** New dossiers received online, over new dossiers. */
    public Optional<BigDecimal> onlineRate() {
        return percent(receivedOnline, receivedNew());
    }

    static Optional<BigDecimal> percent(int part, int whole) {
        if (whole == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP));
    }
}
