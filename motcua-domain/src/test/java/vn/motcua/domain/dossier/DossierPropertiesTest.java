package vn.motcua.domain.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.domain.dossier.Fixtures.at;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.motcua.domain.DomainMessages;

/**
 * Property-based tests with seeded random generators (jqwik does not run on JUnit Platform 6): random legal and
 * illegal action sequences never break the invariants of the aggregate. A failing seed is printed in the message.
 */
class DossierPropertiesTest {

    private static final int WALKS = 1000;
    private static final int STEPS = 40;

    @Test
    void randomSequencesKeepTheInvariants() {
        Set<ActionType> applied = EnumSet.noneOf(ActionType.class);
        Set<RefusalReason> refusals = EnumSet.noneOf(RefusalReason.class);
        Instant from = at("2024-01-02T07:00");
        Instant to = at("2026-06-30T17:00");
        for (long seed = 1; seed <= WALKS; seed++) {
            long s = seed;
            RandomWalk walk = new RandomWalk(seed, seed % 4 == 0 ? 0.3 : 0.85);
            Dossier d = walk.receive(from, to, e -> refusals.add(e.reason()));
            if (d == null) {
                continue;
            }
            checkReceived(d, s);
            walk.walk(d, STEPS, attempt -> {
                if (attempt.refusal() != null) {
                    refusals.add(attempt.refusal().reason());
                    checkRefused(attempt, s);
                } else {
                    applied.add(attempt.action().type());
                    checkApplied(attempt, s);
                }
            });
        }
        // the generator really reaches every transition and most refusals (a property test that explores nothing
        // would pass vacuously)
        assertThat(applied).containsAll(EnumSet.complementOf(EnumSet.of(ActionType.RECEIVE)));
        assertThat(refusals).contains(RefusalReason.STATE, RefusalReason.ROLE, RefusalReason.OFFICE,
                RefusalReason.TIME_ORDER, RefusalReason.REASON_REQUIRED, RefusalReason.NEW_DATE_NOT_LATER,
                RefusalReason.MISSING_COMPONENTS);
    }

    private static void checkReceived(Dossier d, long seed) {
        assertThat(d.version()).as("seed %d", seed).isEqualTo(1);
        assertThat(d.history()).hasSize(1);
        assertThat(d.history().get(0).from()).isEmpty();
        assertThat(d.history().get(0).to()).isEqualTo(d.state());
        d.dueAt().ifPresent(due -> assertThat(due).as("seed %d: due before reception", seed).isAfterOrEqualTo(d.receivedAt()));
        assertThat(d.state()).isIn(DossierState.RECEIVED, DossierState.INCOMPLETE, DossierState.REFUSED);
    }

    private static void checkRefused(RandomWalk.Attempt a, long seed) {
        Dossier d = a.before();
        Dossier copy = new Dossier(d.code(), d.procedure(), d.channel(), d.receivingOfficeId(), d.currentOfficeId(),
                d.forwardedFrom(), d.state(), d.receivedAt(), d.dueAt(), d.totalWorkingTime(), d.stepIndex(),
                d.stepDeadline(), d.pause(), List.copyOf(d.results()), d.missingComponents(), List.copyOf(d.history()),
                d.version());
        assertThat(d).as("seed %d: refused transition changed the dossier", seed).isEqualTo(copy);
        String vi = a.refusal().message(DomainMessages.VIETNAMESE);
        assertThat(vi).as("seed %d", seed).doesNotStartWith("!");
        assertThat(a.refusal().getMessage()).doesNotStartWith("!");
        if (d.state() == DossierState.ARCHIVED) {
            assertThat(a.refusal().reason()).isIn(RefusalReason.STATE, RefusalReason.TIME_ORDER);
        }
    }

    private static void checkApplied(RandomWalk.Attempt a, long seed) {
        Dossier before = a.before();
        Dossier after = a.after();
        String ctx = "seed " + seed + ", " + a.action() + " by " + a.actor() + " at " + a.at();
        // history complete and ordered; one version per transition
        assertThat(after.version()).as(ctx).isEqualTo(before.version() + 1);
        assertThat(after.history()).as(ctx).hasSize(before.history().size() + 1);
        assertThat(after.history().subList(0, before.history().size())).as(ctx).isEqualTo(before.history());
        HistoryEntry e = after.lastEntry();
        assertThat(e.sequence()).as(ctx).isEqualTo(after.version());
        assertThat(e.at()).as(ctx).isEqualTo(a.at()).isAfterOrEqualTo(before.lastEntry().at());
        assertThat(e.from()).as(ctx).contains(before.state());
        assertThat(e.to()).as(ctx).isEqualTo(after.state());
        assertThat(e.userId()).isEqualTo(a.actor().userId());
        assertThat(e.role()).isEqualTo(a.actor().role());
        assertThat(e.officeId()).isEqualTo(a.actor().officeId());
        assertThat(e.heldByOfficeId()).isEqualTo(after.currentOfficeId());
        assertThat(e.action()).isEqualTo(a.action().type());
        // nothing leaves a final state except archiving, and nothing leaves ARCHIVED
        if (before.isFinal()) {
            assertThat(before.state()).as(ctx).isNotEqualTo(DossierState.ARCHIVED);
            assertThat(a.action().type()).as(ctx).isEqualTo(ActionType.ARCHIVE);
            assertThat(after.state()).isEqualTo(DossierState.ARCHIVED);
        }
        // due dates never precede reception and never move earlier
        assertThat(after.dueAt().isPresent()).as(ctx).isEqualTo(before.dueAt().isPresent());
        if (after.dueAt().isPresent()) {
            assertThat(after.dueAt().get()).as(ctx).isAfterOrEqualTo(after.receivedAt())
                    .isAfterOrEqualTo(before.dueAt().get());
        }
        // the clock is stopped only while waiting for the applicant
        if (after.isPaused()) {
            assertThat(after.state()).as(ctx).isIn(DossierState.AWAITING_SUPPLEMENT,
                    DossierState.AWAITING_FINANCIAL_OBLIGATION);
        }
        if (after.state() == DossierState.AWAITING_FINANCIAL_OBLIGATION) {
            assertThat(after.isPaused()).as(ctx).isTrue();
        }
        // results: -KQ1, -KQ2 ... only ever added, only by signing
        assertThat(after.results().subList(0, before.results().size())).as(ctx).isEqualTo(before.results());
        assertThat(after.results().size() - before.results().size())
                .isEqualTo(a.action().type() == ActionType.SIGN_RESULT ? 1 : 0);
        // the route only moves forward; the dossier is always somewhere
        assertThat(after.stepIndex()).as(ctx).isGreaterThanOrEqualTo(before.stepIndex());
        assertThat(after.forwardedFrom()).doesNotContain(after.currentOfficeId());
        if (after.state() == DossierState.RETURNED) {
            assertThat(after.currentOfficeId()).isEqualTo(after.receivingOfficeId());
            assertThat(after.results()).isNotEmpty();
        }
        assertThat(after.code()).isEqualTo(before.code());
        assertThat(after.procedure()).isSameAs(before.procedure());
        // attaching a document only adds a history line, unjudged
        if (a.action().type() == ActionType.ATTACH_DOCUMENT) {
            assertThat(e.verdict()).as(ctx).isEmpty();
            assertThat(new Dossier(before.code(), before.procedure(), before.channel(), before.receivingOfficeId(),
                    before.currentOfficeId(), before.forwardedFrom(), before.state(), before.receivedAt(),
                    before.dueAt(), before.totalWorkingTime(), before.stepIndex(), before.stepDeadline(),
                    before.pause(), before.results(), before.missingComponents(), after.history(), after.version()))
                    .as(ctx).isEqualTo(after);
        }
    }
}
