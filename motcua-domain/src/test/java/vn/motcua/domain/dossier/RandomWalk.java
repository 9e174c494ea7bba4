package vn.motcua.domain.dossier;

import static vn.motcua.domain.dossier.Fixtures.ONE_STOP;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.domain.office.Actor;
import vn.motcua.domain.office.Office;
import vn.motcua.domain.office.Role;
import vn.motcua.domain.procedure.Component;
import vn.motcua.domain.procedure.Procedure;

/**
 * Seeded random dossier lives for property tests and generated report data: receptions with random outcomes, then
 * steps that are legal (chosen from the allowed actions with a fitting actor) or random (any action, actor, office,
 * data, sometimes dated in the past). Every attempt is reported to an observer with its result.
 */
public final class RandomWalk {

    /** One attempted transition: the dossier before, what was tried, and the result or the refusal. */
    public record Attempt(Dossier before, Action action, Actor actor, Instant at, Dossier after,
                          TransitionRefusedException refusal) {
    }

    // Actions that do not move the dossier along its route (attaching a document is legal for every role, so it would
    // otherwise crowd out the rest).
    private static final Set<ActionType> ENDINGS = java.util.EnumSet.of(ActionType.REFUSE, ActionType.STOP,
            ActionType.WITHDRAW, ActionType.APOLOGIZE, ActionType.ATTACH_DOCUMENT);

    private final Random random;
    private final double legalBias;

    public RandomWalk(long seed, double legalBias) {
        this.random = new Random(seed);
        this.legalBias = legalBias;
    }

    /** Receives a random dossier between the two instants at a random office that can receive it; null if none. */
    public Dossier receive(Instant from, Instant to, Consumer<TransitionRefusedException> onRefusal) {
        Instant at = from.plusSeconds((long) (random.nextDouble() * Duration.between(from, to).toSeconds()));
        LocalDate day = at.atZone(WorkingCalendar.ZONE).toLocalDate();
        List<Procedure> procedures = ONE_STOP.procedures().validOn(day);
        Procedure p = procedures.get(random.nextInt(procedures.size()));
        List<Office> offices = ONE_STOP.offices().validOn(day).stream().filter(o -> o.level() == p.receptionLevel())
                .toList();
        if (offices.isEmpty()) {
            return null;
        }
        Office office = offices.get(random.nextInt(offices.size()));
        Set<String> provided = new java.util.HashSet<>();
        for (Component c : p.components()) {
            if (random.nextDouble() < 0.93) {
                provided.add(c.key());
            }
        }
        Reception.Outcome outcome = random.nextDouble() < 0.85 ? Reception.Outcome.ACCEPT
                : random.nextBoolean() ? Reception.Outcome.INCOMPLETE : Reception.Outcome.REFUSE;
        Channel channel = Channel.values()[random.nextInt(3)];
        Role role = random.nextDouble() < 0.95 ? Role.RECEPTION : pick(Role.values());
        String note = random.nextBoolean() ? "" : "ghi chú";
        try {
            return ONE_STOP.receive(new Reception(p, Fixtures.actor(role, office.id()), channel, at, provided, outcome,
                    note));
        } catch (TransitionRefusedException e) {
            onRefusal.accept(e);
            return null;
        }
    }

    /** Up to {@code steps} attempts on the dossier, each reported; returns the last version. */
    public Dossier walk(Dossier d, int steps, Consumer<Attempt> observer) {
        Instant clock = d.lastEntry().at();
        for (int i = 0; i < steps; i++) {
            // mostly within working hours of following days, sometimes minutes apart, rarely in the past
            long seconds = switch (random.nextInt(10)) {
                case 0 -> -random.nextInt(3600);
                case 1, 2, 3, 4, 5 -> random.nextInt(3600);
                default -> random.nextInt(3 * 86_400);
            };
            Instant at = clock.plusSeconds(seconds);
            Actor actor;
            Action action;
            if (random.nextDouble() < legalBias) {
                List<Actor> candidates = candidates(d);
                List<Object[]> legal = new ArrayList<>();
                for (Actor a : candidates) {
                    for (ActionType t : ONE_STOP.allowedActions(d, a, at)) {
                        legal.add(new Object[] {a, t});
                    }
                }
                if (legal.isEmpty()) {
                    actor = pick(candidates.toArray(Actor[]::new));
                    action = action(pick(ActionType.values()), d);
                } else {
                    // mostly move the dossier on: closing it early would leave later states unexplored
                    List<Object[]> progress = legal.stream().filter(c -> !ENDINGS.contains((ActionType) c[1])).toList();
                    List<Object[]> pool = !progress.isEmpty() && random.nextDouble() < 0.85 ? progress : legal;
                    Object[] choice = pool.get(random.nextInt(pool.size()));
                    actor = (Actor) choice[0];
                    action = action((ActionType) choice[1], d);
                }
            } else {
                actor = pick(candidates(d).toArray(Actor[]::new));
                action = action(pick(ActionType.values()), d);
            }
            try {
                Dossier next = ONE_STOP.apply(d, action, actor, at);
                observer.accept(new Attempt(d, action, actor, at, next, null));
                d = next;
                clock = at;
            } catch (TransitionRefusedException e) {
                observer.accept(new Attempt(d, action, actor, at, null, e));
            }
        }
        return d;
    }

    private List<Actor> candidates(Dossier d) {
        List<Actor> actors = new ArrayList<>();
        List<String> offices = new ArrayList<>(List.of(d.currentOfficeId(), d.receivingOfficeId()));
        offices.add(pick(ONE_STOP.offices().all().toArray(Office[]::new)).id());
        for (String office : offices) {
            for (Role role : Role.values()) {
                actors.add(Fixtures.actor(role, office));
            }
        }
        return actors;
    }

    private Action action(ActionType type, Dossier d) {
        String note = random.nextDouble() < 0.8 ? "lý do " + random.nextInt(100) : "";
        return switch (type) {
            case RECEIVE, TRANSFER_TO_PROCESSING -> new Action.TransferToProcessing(note);
            case REFUSE -> new Action.Refuse(note);
            case REQUEST_SUPPLEMENT -> new Action.RequestSupplement(note);
            case SUPPLEMENT_RECEIVED -> new Action.SupplementReceived(note);
            case FORWARD -> new Action.Forward(pick(ONE_STOP.offices().all().toArray(Office[]::new)).id(), note);
            case ACCEPT_FORWARDED -> new Action.AcceptForwarded(note);
            case SEND_BACK -> new Action.SendBack(note);
            case RECEIVE_BACK -> new Action.ReceiveBack(note);
            case STOP -> new Action.Stop(note);
            case AWAIT_FINANCIAL_OBLIGATION -> new Action.AwaitFinancialObligation(note);
            case FINANCIAL_OBLIGATION_MET -> new Action.FinancialObligationMet(note);
            case SUBMIT_FOR_APPROVAL -> new Action.SubmitForApproval(note);
            case APPROVE -> new Action.Approve(note);
            case SIGN_RESULT -> new Action.SignResult(note);
            case RETURN_RESULT -> new Action.ReturnResult(pick(Channel.values()), note);
            case WITHDRAW -> new Action.Withdraw(note);
            case APOLOGIZE -> new Action.Apologize(d.dueAt().orElse(d.receivedAt())
                    .plusSeconds(random.nextInt(5 * 86_400) - 86_400L), pick(NoticeChannel.values()), note);
            case ARCHIVE -> new Action.Archive(note);
            case ATTACH_DOCUMENT -> new Action.AttachDocument(note);
        };
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
