package vn.motcua.server.report;

import vn.motcua.domain.report.OfficeReport;

import java.util.function.ToIntFunction;

/** The numbers of the report table (DOMAIN.md §6), each one a drill-down to the dossiers behind it. */
public enum ReportCategory {
    RECEIVED_ONLINE(OfficeReport::receivedOnline),
    RECEIVED_COUNTER(OfficeReport::receivedCounter),
    RECEIVED_POST(OfficeReport::receivedPost),
    CARRIED_OVER(OfficeReport::carriedOver),
    RESOLVED_EARLY(OfficeReport::resolvedEarly),
    RESOLVED_ON_TIME(OfficeReport::resolvedOnTime),
    RESOLVED_LATE(OfficeReport::resolvedLate),
    IN_PROGRESS_NOT_YET_DUE(OfficeReport::inProgressNotYetDue),
    IN_PROGRESS_OVERDUE(OfficeReport::inProgressOverdue),
    WAITING_FOR_SUPPLEMENT(OfficeReport::waitingForSupplement),
    RETURNED(OfficeReport::returned),
    WITHDRAWN(OfficeReport::withdrawn),
    REFUSED(OfficeReport::refused),
    STOPPED(OfficeReport::stopped),
    // Sums of the above, so that the totals of the table drill down too.
    RECEIVED_NEW(OfficeReport::receivedNew),
    TO_HANDLE(OfficeReport::toHandle),
    RESOLVED(OfficeReport::resolved);

    private final ToIntFunction<OfficeReport> count;

    ReportCategory(ToIntFunction<OfficeReport> count) {
        this.count = count;
    }

    public int of(OfficeReport report) {
        return count.applyAsInt(report);
    }
}
