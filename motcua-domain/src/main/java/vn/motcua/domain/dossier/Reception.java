package vn.motcua.domain.dossier;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import vn.motcua.domain.office.Actor;
import vn.motcua.domain.procedure.Procedure;

/**
 * A reception officer's decision on a dossier presented at the desk (or arrived by post or online).
 *
 * @param provided keys of the components the applicant provided
 * @param note     for REFUSE: the reasons (Form 03); for INCOMPLETE: the guidance besides the missing components (Form 02)
 */
public record Reception(Procedure procedure, Actor actor, Channel channel, Instant at, Set<String> provided,
                        Outcome outcome, String note) {

    /** Accepted with the receipt and appointment slip (Form 01), incomplete with guidance (Form 02), refused (Form 03). */
    public enum Outcome { ACCEPT, INCOMPLETE, REFUSE }

    public Reception {
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(at, "at");
        provided = Set.copyOf(provided);
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(note, "note");
    }
}
