package vn.motcua.domain.dossier;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import vn.motcua.domain.office.Role;
import vn.motcua.domain.procedure.StepKind;

/**
 * One line of the dossier's history — the processing control slip (Form 05): who (user, role, office) did what and when,
 * the state before and after, the office holding the dossier afterwards, the route step in force with its deadline and
 * the verdict of this hand-over against it, and the dossier's due date after the transition.
 *
 * @param sequence    1 for the reception, then +1 per transition (equals the dossier version it produced)
 * @param from        empty for the reception
 * @param step        the route step in force when the action happened; empty after the last step
 * @param detail      what the action was about: forward target office id, result code, return or notice channel
 * @param verdict     judged at {@code at} against {@code stepDeadline} (at the pause start while the clock stopped)
 * @param dueAt       the dossier's due date after the transition (empty for dossiers not accepted)
 * @param clockPaused whether the clock is stopped after the transition
 */
public record HistoryEntry(int sequence, ActionType action, Optional<DossierState> from, DossierState to, String userId,
                           Role role, String officeId, String heldByOfficeId, Instant at, String note,
                           Optional<String> detail,
                           Optional<StepKind> step, Optional<Instant> stepDeadline, Optional<Verdict> verdict,
                           Optional<Instant> dueAt, boolean clockPaused) {

    public HistoryEntry {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(officeId, "officeId");
        Objects.requireNonNull(heldByOfficeId, "heldByOfficeId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(stepDeadline, "stepDeadline");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(dueAt, "dueAt");
    }
}
