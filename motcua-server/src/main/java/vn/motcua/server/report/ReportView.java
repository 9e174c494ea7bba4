package vn.motcua.server.report;

import vn.motcua.domain.report.OfficeReport;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/** A report as the API returns it: every category's count, the rates (percent, null when nothing to divide). */
public record ReportView(String officeId, LocalDate from, LocalDate to, Instant asOf, Map<ReportCategory, Integer> counts,
                         BigDecimal onTimeRate, BigDecimal onlineRate) {

    public static ReportView of(OfficeReport r) {
        Map<ReportCategory, Integer> counts = new EnumMap<>(ReportCategory.class);
        for (ReportCategory c : ReportCategory.values()) {
            counts.put(c, c.of(r));
        }
        return new ReportView(r.officeId(), r.period().from(), r.period().to(), r.asOf(), counts,
                r.onTimeRate().orElse(null), r.onlineRate().orElse(null));
    }
}
