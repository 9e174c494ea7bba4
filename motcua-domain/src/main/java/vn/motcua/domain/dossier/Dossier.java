package vn.motcua.domain.dossier;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.domain.code.DossierCode;
import vn.motcua.domain.code.ResultCode;
import vn.motcua.domain.procedure.ProcessingStep;
import vn.motcua.domain.procedure.Procedure;

/**
 * The dossier aggregate (hồ sơ): an immutable value. Every transition of {@link DossierLifecycle} returns a new value
 * with one more history entry and {@code version + 1}, so a store can use the version for optimistic locking; a refused
 * transition returns nothing and changes nothing. The canonical constructor is public so that a store can rebuild a
 * dossier it saved; it checks the invariants that do not need the calendar.
 *
 * @param procedure         the procedure version the dossier was received under (kept whatever the catalogue does later)
 * @param receivingOfficeId the office that received it (its agency code is in the dossier code)
 * @param currentOfficeId   the office holding it now (differs while forwarded: liên thông)
 * @param forwardedFrom     offices it was forwarded from, the most recent last; it goes back to them in reverse order
 * @param dueAt             the appointment date of Form 01 (moved by apologies and by resuming a stopped clock);
 *                          empty for dossiers not accepted at reception
 * @param totalWorkingTime  counter time between reception and the original due date; each step gets its share of it
 * @param stepIndex         index of the current step of the procedure's route; equals the number of steps when done
 * @param stepDeadline      deadline of the current step
 * @param pause             present while the clock is stopped
 * @param results           result codes of the signed result documents, in order
 * @param missingComponents keys of the mandatory components missing at reception (Form 02 guidance)
 * @param version           the number of history entries
 */
public record Dossier(DossierCode code, Procedure procedure, Channel channel, String receivingOfficeId,
                      String currentOfficeId, List<String> forwardedFrom, DossierState state, Instant receivedAt,
                      Optional<Instant> dueAt, Duration totalWorkingTime, int stepIndex, Optional<Instant> stepDeadline,
                      Optional<Pause> pause, List<ResultCode> results, List<String> missingComponents,
                      List<HistoryEntry> history, int version) {

    public Dossier {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(receivingOfficeId, "receivingOfficeId");
        Objects.requireNonNull(currentOfficeId, "currentOfficeId");
        forwardedFrom = List.copyOf(forwardedFrom);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(totalWorkingTime, "totalWorkingTime");
        Objects.requireNonNull(stepDeadline, "stepDeadline");
        Objects.requireNonNull(pause, "pause");
        results = List.copyOf(results);
        missingComponents = List.copyOf(missingComponents);
        history = List.copyOf(history);
        if (history.isEmpty() || version != history.size()) {
            throw new IllegalArgumentException("version must equal the number of history entries");
        }
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).sequence() != i + 1 || i > 0 && history.get(i).at().isBefore(history.get(i - 1).at())) {
                throw new IllegalArgumentException("history entries must be numbered 1, 2 ... and in time order");
            }
        }
        if (history.get(history.size() - 1).to() != state) {
            throw new IllegalArgumentException("the last history entry must lead to the current state");
        }
        if (dueAt.isPresent() && dueAt.get().isBefore(receivedAt)) {
            throw new IllegalArgumentException("due date before reception");
        }
        if (stepIndex < 0 || stepIndex > procedure.steps().size()) {
            throw new IllegalArgumentException("step index outside the route");
        }
        for (int i = 0; i < results.size(); i++) {
            if (!results.get(i).dossier().equals(code) || results.get(i).number() != i + 1) {
                throw new IllegalArgumentException("result codes must be " + code + "-KQ1, -KQ2 ...");
            }
        }
    }

    public boolean isFinal() {
        return state.isFinal();
    }

    public boolean isPaused() {
        return pause.isPresent();
    }

    /** The step of the route the dossier is at; empty once the route is done. */
    public Optional<ProcessingStep> currentStep() {
        return stepIndex < procedure.steps().size() ? Optional.of(procedure.steps().get(stepIndex)) : Optional.empty();
    }

    /**
     * An open dossier past its due date at {@code now}. While the clock is stopped it is overdue only if it already was
     * when the clock stopped.
     */
    public boolean isOverdue(Instant now) {
        if (state.isFinal() || dueAt.isEmpty()) {
            return false;
        }
        Instant judgedAt = pause.map(Pause::since).orElse(now);
        return judgedAt.isAfter(dueAt.get());
    }

    public HistoryEntry lastEntry() {
        return history.get(history.size() - 1);
    }

    /** When the first result was signed: the dossier is resolved (đã giải quyết). */
    public Optional<Instant> resolvedAt() {
        return history.stream().filter(e -> e.action() == ActionType.SIGN_RESULT).map(HistoryEntry::at).findFirst();
    }

    /** For an archived dossier: the last day it must be kept; empty if permanent or not archived. */
    public Optional<LocalDate> keptUntil() {
        if (state != DossierState.ARCHIVED) {
            return Optional.empty();
        }
        return procedure.retention().keptUntil(lastEntry().at().atZone(WorkingCalendar.ZONE).toLocalDate());
    }
}
