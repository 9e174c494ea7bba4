package vn.motcua.server.report;

import vn.motcua.domain.report.OfficeReport;
import vn.motcua.server.satisfaction.SatisfactionFigures;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * A report as the API returns it: every category's count, the rates (percent, null when nothing to divide), and the
 * satisfaction figures (ratings given in the period).
 */
public record ReportView(String officeId, LocalDate from, LocalDate to, Instant asOf, Map<ReportCategory, Integer> counts,
                         BigDecimal onTimeRate, BigDecimal onlineRate, SatisfactionView satisfaction) {

    /** Ratings given in the period; {@code rate} = satisfied / ratings in percent, null without ratings. */
    public record SatisfactionView(int ratings, int satisfied, int neutral, int dissatisfied, BigDecimal rate) {
    }

    public static ReportView of(OfficeReport r, SatisfactionFigures s) {
        Map<ReportCategory, Integer> counts = new EnumMap<>(ReportCategory.class);
        for (ReportCategory c : ReportCategory.values()) {
            counts.put(c, c.of(r));
        }
        return new ReportView(r.officeId(), r.period().from(), r.period().to(), r.asOf(), counts,
                r.onTimeRate().orElse(null), r.onlineRate().orElse(null),
                new SatisfactionView(s.ratings(), s.satisfied(), s.neutral(), s.dissatisfied(), s.rate().orElse(null)));
    }

    public static ReportView of(TableRow row) {
        return of(row.report(), row.satisfaction());
    }
}
