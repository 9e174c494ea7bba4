package vn.motcua.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.domain.code.DailySequence;
import vn.motcua.domain.code.DossierCode;
import vn.motcua.domain.dossier.Action;
import vn.motcua.domain.dossier.ActionType;
import vn.motcua.domain.dossier.Channel;
import vn.motcua.domain.dossier.Dossier;
import vn.motcua.domain.dossier.DossierLifecycle;
import vn.motcua.domain.dossier.Reception;
import vn.motcua.domain.dossier.RefusalReason;
import vn.motcua.domain.dossier.TransitionRefusedException;
import vn.motcua.domain.office.Actor;
import vn.motcua.domain.office.Office;
import vn.motcua.domain.office.OfficeDirectory;
import vn.motcua.domain.procedure.Procedure;
import vn.motcua.domain.procedure.ProcedureCatalogue;
import vn.motcua.domain.report.OfficeReport;
import vn.motcua.domain.report.Period;
import vn.motcua.domain.report.Reports;

/**
 * The facade of the domain module: offices, the procedure catalogue, the working calendar and the dossier numbering
 * wired together. Receive a dossier, apply an action, compute a report. Immutable and thread-safe when the
 * {@link DailySequence} is.
 */
public final class OneStop {

    private final OfficeDirectory offices;
    private final ProcedureCatalogue procedures;
    private final WorkingCalendar calendar;
    private final DailySequence sequence;
    private final DossierLifecycle lifecycle;

    public OneStop(OfficeDirectory offices, ProcedureCatalogue procedures, WorkingCalendar calendar,
                   DailySequence sequence) {
        this.offices = Objects.requireNonNull(offices, "offices");
        this.procedures = Objects.requireNonNull(procedures, "procedures");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.sequence = Objects.requireNonNull(sequence, "sequence");
        this.lifecycle = new DossierLifecycle(calendar, offices);
    }

    /** The shipped example offices and sample procedures with Vietnam's calendar. */
    public static OneStop withExampleData(DailySequence sequence) {
        return new OneStop(OfficeDirectory.shipped(), ProcedureCatalogue.shipped(), WorkingCalendar.vietnam(), sequence);
    }

    public OfficeDirectory offices() {
        return offices;
    }

    public ProcedureCatalogue procedures() {
        return procedures;
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public DossierLifecycle lifecycle() {
        return lifecycle;
    }

    /**
     * Records a reception decision: checks it, then draws the day's next dossier code of the receiving office (a refused
     * reception draws no number) and returns the new dossier (version 1).
     */
    public Dossier receive(Reception reception) {
        Office office = lifecycle.checkReception(reception);
        LocalDate day = reception.at().atZone(WorkingCalendar.ZONE).toLocalDate();
        DossierCode code = sequence.nextCode(office.agencyCode(), day);
        return lifecycle.receive(reception, code);
    }

    /** Receives under the version of the procedure in force on the reception day. */
    public Dossier receive(String nationalCode, Actor actor, Channel channel, Instant at, Set<String> provided,
                           Reception.Outcome outcome, String note) {
        LocalDate day = at.atZone(WorkingCalendar.ZONE).toLocalDate();
        Procedure procedure = procedures.versionOn(nationalCode, day).orElseThrow(
                () -> new TransitionRefusedException(RefusalReason.PROCEDURE_NOT_VALID, nationalCode, day.toString()));
        return receive(new Reception(procedure, actor, channel, at, provided, outcome, note));
    }

    /** Applies an action: the next version of the dossier, or a {@link TransitionRefusedException} and no change. */
    public Dossier apply(Dossier dossier, Action action, Actor actor, Instant at) {
        return lifecycle.apply(dossier, action, actor, at);
    }

    /** What the actor may do to the dossier now. */
    public Set<ActionType> allowedActions(Dossier dossier, Actor actor, Instant now) {
        return lifecycle.allowedActions(dossier, actor, now);
    }

    public OfficeReport report(Collection<Dossier> dossiers, String officeId, Period period, Instant now) {
        return Reports.compute(dossiers, officeId, period, now);
    }
}
