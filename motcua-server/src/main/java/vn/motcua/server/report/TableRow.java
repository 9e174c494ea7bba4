package vn.motcua.server.report;

import vn.motcua.domain.report.OfficeReport;
import vn.motcua.server.satisfaction.SatisfactionFigures;

/** One office's row of the report table: the DOMAIN.md §6 figures and the satisfaction figures of the same period. */
public record TableRow(OfficeReport report, SatisfactionFigures satisfaction) {

    public String officeId() {
        return report.officeId();
    }
}
