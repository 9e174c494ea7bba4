package vn.motcua.domain.dossier;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The clock of a dossier is stopped: since when, why, and how much counter time was left to the due date and to the
 * current step's deadline (zero when already past). On resume the deadlines are pushed by the time spent waiting.
 */
public record Pause(Instant since, DossierState waitingIn, Duration remaining, Optional<Duration> stepRemaining) {

    public Pause {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(waitingIn, "waitingIn");
        Objects.requireNonNull(remaining, "remaining");
        Objects.requireNonNull(stepRemaining, "stepRemaining");
        if (remaining.isNegative() || stepRemaining.map(Duration::isNegative).orElse(false)) {
            throw new IllegalArgumentException("remaining time cannot be negative");
        }
    }
}
