package vn.motcua.domain.procedure;

import java.util.Objects;
import vn.motcua.domain.office.OfficeLevel;
import vn.motcua.domain.office.Role;

/**
 * One step of a procedure's route: what is done, by which role, at which office level, and the step's share of the
 * total time limit (the processing control slip, Form 05, judges each step against it). The sequence of levels is the
 * interconnection route, e.g. commune receives → province processes → commune returns.
 */
public record ProcessingStep(StepKind kind, Role role, OfficeLevel level, int sharePercent) {

    public ProcessingStep {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(level, "level");
        if (sharePercent < 0 || sharePercent > 100) {
            throw new IllegalArgumentException("share must be 0..100");
        }
    }
}
