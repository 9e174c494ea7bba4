package vn.motcua.domain.dossier;

import static vn.motcua.domain.dossier.DossierState.APPROVED;
import static vn.motcua.domain.dossier.DossierState.ARCHIVED;
import static vn.motcua.domain.dossier.DossierState.AWAITING_APPROVAL;
import static vn.motcua.domain.dossier.DossierState.AWAITING_FINANCIAL_OBLIGATION;
import static vn.motcua.domain.dossier.DossierState.AWAITING_SUPPLEMENT;
import static vn.motcua.domain.dossier.DossierState.FORWARDED;
import static vn.motcua.domain.dossier.DossierState.INCOMPLETE;
import static vn.motcua.domain.dossier.DossierState.IN_PROCESSING;
import static vn.motcua.domain.dossier.DossierState.RECEIVED;
import static vn.motcua.domain.dossier.DossierState.REFUSED;
import static vn.motcua.domain.dossier.DossierState.RESULT_SIGNED;
import static vn.motcua.domain.dossier.DossierState.RETURNED;
import static vn.motcua.domain.dossier.DossierState.SENT_BACK;
import static vn.motcua.domain.dossier.DossierState.STOPPED;
import static vn.motcua.domain.dossier.DossierState.WITHDRAWN;
import static vn.motcua.domain.office.Role.ARCHIVIST;
import static vn.motcua.domain.office.Role.LEADER;
import static vn.motcua.domain.office.Role.RECEPTION;
import static vn.motcua.domain.office.Role.SPECIALIST;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.domain.code.DossierCode;
import vn.motcua.domain.code.ResultCode;
import vn.motcua.domain.office.Actor;
import vn.motcua.domain.office.Office;
import vn.motcua.domain.office.OfficeDirectory;
import vn.motcua.domain.office.Role;
import vn.motcua.domain.procedure.Component;
import vn.motcua.domain.procedure.ProcessingStep;
import vn.motcua.domain.procedure.Procedure;
import vn.motcua.domain.procedure.StepKind;

/**
 * The dossier state machine (DOMAIN.md §4). Receives dossiers and applies actions; each accepted action returns a new
 * {@link Dossier} with one more history entry, each refused one throws {@link TransitionRefusedException} and changes
 * nothing. Deadlines come from the {@link WorkingCalendar}. Thread-safe (stateless apart from its immutable inputs).
 *
 * <p>Guards, in this order: the action's date is not before the last history entry; the dossier's state allows the
 * action; the actor's role may do it; the actor works for the office holding the dossier (for a withdrawal: the office
 * that received it); then the action's own rules (reasons given, forward target exists, apology dates ...).
 */
public final class DossierLifecycle {

    /** One row of the transition table: from which states, by which roles, at which office. */
    private record Rule(Set<DossierState> from, Set<Role> roles, boolean atReceivingOffice) {
    }

    private static final Set<DossierState> OPEN = EnumSet.copyOf(
            EnumSet.allOf(DossierState.class).stream().filter(s -> !s.isFinal()).toList());
    private static final Set<DossierState> CLOSED = EnumSet.of(RETURNED, INCOMPLETE, REFUSED, STOPPED, WITHDRAWN);
    private static final Map<ActionType, Rule> TABLE = table();

    private static Map<ActionType, Rule> table() {
        Map<ActionType, Rule> t = new EnumMap<>(ActionType.class);
        t.put(ActionType.TRANSFER_TO_PROCESSING, rule(Set.of(RECEIVED), RECEPTION));
        t.put(ActionType.REFUSE, rule(Set.of(RECEIVED, IN_PROCESSING, AWAITING_APPROVAL), RECEPTION, SPECIALIST, LEADER));
        t.put(ActionType.REQUEST_SUPPLEMENT, rule(Set.of(IN_PROCESSING), SPECIALIST));
        t.put(ActionType.SUPPLEMENT_RECEIVED, rule(Set.of(AWAITING_SUPPLEMENT), RECEPTION, SPECIALIST));
        t.put(ActionType.FORWARD, rule(Set.of(RECEIVED, IN_PROCESSING), RECEPTION, SPECIALIST));
        t.put(ActionType.ACCEPT_FORWARDED, rule(Set.of(FORWARDED), RECEPTION, SPECIALIST));
        t.put(ActionType.SEND_BACK, rule(Set.of(IN_PROCESSING, RESULT_SIGNED), RECEPTION, SPECIALIST, LEADER));
        t.put(ActionType.RECEIVE_BACK, rule(Set.of(SENT_BACK), RECEPTION, SPECIALIST));
        t.put(ActionType.STOP, rule(Set.of(IN_PROCESSING, AWAITING_SUPPLEMENT, AWAITING_FINANCIAL_OBLIGATION,
                AWAITING_APPROVAL, APPROVED), SPECIALIST, LEADER));
        t.put(ActionType.AWAIT_FINANCIAL_OBLIGATION, rule(Set.of(IN_PROCESSING), SPECIALIST));
        t.put(ActionType.FINANCIAL_OBLIGATION_MET, rule(Set.of(AWAITING_FINANCIAL_OBLIGATION), RECEPTION, SPECIALIST));
        t.put(ActionType.SUBMIT_FOR_APPROVAL, rule(Set.of(IN_PROCESSING), SPECIALIST));
        t.put(ActionType.APPROVE, rule(Set.of(AWAITING_APPROVAL), LEADER));
        t.put(ActionType.SIGN_RESULT, rule(Set.of(APPROVED, RESULT_SIGNED), LEADER));
        t.put(ActionType.RETURN_RESULT, rule(Set.of(RESULT_SIGNED), RECEPTION));
        t.put(ActionType.WITHDRAW, new Rule(EnumSet.complementOf(EnumSet.of(RESULT_SIGNED, RETURNED, INCOMPLETE, REFUSED,
                STOPPED, WITHDRAWN, ARCHIVED)), EnumSet.of(RECEPTION), true));
        t.put(ActionType.APOLOGIZE, new Rule(OPEN, EnumSet.of(RECEPTION, SPECIALIST, LEADER), false));
        t.put(ActionType.ARCHIVE, rule(CLOSED, ARCHIVIST));
        // Any officer of the holding office may add a document to an open dossier; the administrator takes no part.
        t.put(ActionType.ATTACH_DOCUMENT, new Rule(OPEN, EnumSet.of(RECEPTION, SPECIALIST, LEADER, ARCHIVIST), false));
        return Collections.unmodifiableMap(t);
    }

    private static Rule rule(Set<DossierState> from, Role first, Role... more) {
        return new Rule(EnumSet.copyOf(from), EnumSet.of(first, more), false);
    }

    private final WorkingCalendar calendar;
    private final OfficeDirectory offices;

    public DossierLifecycle(WorkingCalendar calendar, OfficeDirectory offices) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.offices = Objects.requireNonNull(offices, "offices");
    }

    /** The states each action may start from (for documentation and the UI). */
    public static Set<DossierState> statesAllowing(ActionType action) {
        return action == ActionType.RECEIVE ? Set.of() : Set.copyOf(TABLE.get(action).from());
    }

    /** The roles that may perform each action. */
    public static Set<Role> rolesAllowed(ActionType action) {
        return action == ActionType.RECEIVE ? Set.of(RECEPTION) : Set.copyOf(TABLE.get(action).roles());
    }

    /**
     * Records the reception decision as a new dossier (version 1) under the given code, which must be the receiving
     * office's agency code and the reception day (Vietnam time). Accepted dossiers get their due date (Form 01).
     */
    public Dossier receive(Reception r, DossierCode code) {
        Office office = checkReception(r);
        LocalDate day = r.at().atZone(WorkingCalendar.ZONE).toLocalDate();
        if (!code.agency().equals(office.agencyCode()) || !code.receptionDate().equals(day)) {
            throw new TransitionRefusedException(RefusalReason.CODE_MISMATCH, code.value());
        }
        Actor actor = r.actor();
        Procedure procedure = r.procedure();
        List<String> missing = procedure.missingMandatory(r.provided()).stream().map(Component::key).toList();
        String note = r.note().strip();
        return switch (r.outcome()) {
            case ACCEPT -> {
                Instant due = calendar.dueAt(r.at(), procedure.timeLimit(), procedure.cutOff());
                Duration total = nonNegative(calendar.workingTimeBetween(r.at(), due));
                Instant stepDeadline = stepDeadline(r.at(), total, procedure.steps().get(0));
                HistoryEntry entry = new HistoryEntry(1, ActionType.RECEIVE, Optional.empty(), RECEIVED, actor.userId(),
                        actor.role(), actor.officeId(), office.id(), r.at(), note, Optional.empty(),
                        Optional.of(StepKind.RECEPTION),
                        Optional.of(stepDeadline), Optional.of(Verdict.judge(r.at(), stepDeadline)), Optional.of(due),
                        false);
                yield new Dossier(code, procedure, r.channel(), office.id(), office.id(), List.of(), RECEIVED, r.at(),
                        Optional.of(due), total, 0, Optional.of(stepDeadline), Optional.empty(), List.of(), List.of(),
                        List.of(entry), 1);
            }
            case INCOMPLETE -> notAccepted(r, code, office, INCOMPLETE, missing, note);
            case REFUSE -> notAccepted(r, code, office, REFUSED, List.of(), note);
        };
    }

    /**
     * Checks a reception decision without recording it (so that a dossier number is only drawn for a reception that
     * will succeed) and returns the receiving office.
     */
    public Office checkReception(Reception r) {
        Actor actor = r.actor();
        LocalDate day = r.at().atZone(WorkingCalendar.ZONE).toLocalDate();
        if (actor.role() != RECEPTION) {
            throw new TransitionRefusedException(RefusalReason.ROLE, actor.role(), ActionType.RECEIVE);
        }
        Office office = offices.byId(actor.officeId()).filter(o -> o.isValidOn(day)).orElseThrow(
                () -> new TransitionRefusedException(RefusalReason.OFFICE_NOT_VALID, actor.officeId(), day.toString()));
        Procedure procedure = r.procedure();
        if (!procedure.isValidOn(day)) {
            throw new TransitionRefusedException(RefusalReason.PROCEDURE_NOT_VALID,
                    procedure.nationalCode() + " v" + procedure.version(), day.toString());
        }
        if (office.level() != procedure.receptionLevel()) {
            throw new TransitionRefusedException(RefusalReason.WRONG_LEVEL, office.level(), procedure.receptionLevel());
        }
        Set<String> known = procedure.components().stream().map(Component::key).collect(Collectors.toSet());
        for (String key : r.provided()) {
            if (!known.contains(key)) {
                throw new TransitionRefusedException(RefusalReason.UNKNOWN_COMPONENT, key);
            }
        }
        boolean missing = !procedure.missingMandatory(r.provided()).isEmpty();
        boolean noNote = r.note().isBlank();
        switch (r.outcome()) {
            case ACCEPT -> {
                if (missing) {
                    throw new TransitionRefusedException(RefusalReason.MISSING_COMPONENTS, String.join(", ",
                            procedure.missingMandatory(r.provided()).stream().map(Component::key).toList()));
                }
            }
            case INCOMPLETE -> {
                if (!missing && noNote) {
                    throw new TransitionRefusedException(RefusalReason.GUIDANCE_EMPTY);
                }
            }
            case REFUSE -> {
                if (noNote) {
                    throw new TransitionRefusedException(RefusalReason.REASON_REQUIRED, ActionType.REFUSE);
                }
            }
        }
        return office;
    }

    private Dossier notAccepted(Reception r, DossierCode code, Office office, DossierState state, List<String> missing,
                                String note) {
        HistoryEntry entry = new HistoryEntry(1, ActionType.RECEIVE, Optional.empty(), state, r.actor().userId(),
                r.actor().role(), r.actor().officeId(), office.id(), r.at(), note, Optional.empty(), Optional.empty(),
                Optional.empty(),
                Optional.empty(), Optional.empty(), false);
        return new Dossier(code, r.procedure(), r.channel(), office.id(), office.id(), List.of(), state, r.at(),
                Optional.empty(), Duration.ZERO, r.procedure().steps().size(), Optional.empty(), Optional.empty(),
                List.of(), missing, List.of(entry), 1);
    }

    /** The actions this actor may take on the dossier now (what the UI offers); the action's own data is checked later. */
    public Set<ActionType> allowedActions(Dossier d, Actor actor, Instant now) {
        Set<ActionType> allowed = EnumSet.noneOf(ActionType.class);
        for (ActionType type : TABLE.keySet()) {
            if (guard(d, type, actor, now).isEmpty()) {
                allowed.add(type);
            }
        }
        return allowed;
    }

    /** Applies the action, or throws {@link TransitionRefusedException} leaving everything as it was. */
    public Dossier apply(Dossier d, Action action, Actor actor, Instant at) {
        Objects.requireNonNull(action, "action");
        checkGuards(d, action.type(), actor, at);
        String note = action.note() == null ? "" : action.note().strip();
        Change c = new Change(d);
        switch (action.type()) {
            case TRANSFER_TO_PROCESSING, ACCEPT_FORWARDED -> c.state = IN_PROCESSING;
            case REFUSE -> {
                requireReason(note, action.type());
                c.close(REFUSED);
            }
            case REQUEST_SUPPLEMENT -> {
                c.state = AWAITING_SUPPLEMENT;
                if (d.procedure().pausesForSupplement()) {
                    c.pause(at);
                }
            }
            case SUPPLEMENT_RECEIVED, FINANCIAL_OBLIGATION_MET -> {
                c.state = IN_PROCESSING;
                c.resume(at);
            }
            case FORWARD -> {
                String to = ((Action.Forward) action).toOfficeId();
                LocalDate day = at.atZone(WorkingCalendar.ZONE).toLocalDate();
                Office target = offices.byId(to).filter(o -> o.isValidOn(day)).orElseThrow(
                        () -> new TransitionRefusedException(RefusalReason.UNKNOWN_OFFICE, to));
                if (target.id().equals(d.currentOfficeId())) {
                    throw new TransitionRefusedException(RefusalReason.SAME_OFFICE, target.id());
                }
                if (d.forwardedFrom().contains(target.id())) {
                    throw new TransitionRefusedException(RefusalReason.FORWARD_LOOP, target.id());
                }
                c.forwardedFrom.add(d.currentOfficeId());
                c.office = target.id();
                c.detail = target.id();
                c.state = FORWARDED;
            }
            case SEND_BACK -> {
                c.office = c.forwardedFrom.remove(c.forwardedFrom.size() - 1);
                c.detail = c.office;
                c.state = SENT_BACK;
            }
            case RECEIVE_BACK -> c.state = d.results().isEmpty() ? IN_PROCESSING : RESULT_SIGNED;
            case STOP -> {
                requireReason(note, action.type());
                c.close(STOPPED);
            }
            case AWAIT_FINANCIAL_OBLIGATION -> {
                c.state = AWAITING_FINANCIAL_OBLIGATION;
                c.pause(at);
            }
            case SUBMIT_FOR_APPROVAL -> c.state = AWAITING_APPROVAL;
            case APPROVE -> c.state = APPROVED;
            case SIGN_RESULT -> {
                ResultCode result = new ResultCode(d.code(), d.results().size() + 1);
                c.results.add(result);
                c.detail = result.value();
                c.state = RESULT_SIGNED;
            }
            case RETURN_RESULT -> {
                c.detail = ((Action.ReturnResult) action).channel().name();
                c.close(RETURNED);
            }
            case WITHDRAW -> c.close(WITHDRAWN);
            case APOLOGIZE -> {
                Instant newDue = ((Action.Apologize) action).newDueAt();
                Instant due = d.dueAt().orElseThrow();
                if (!newDue.isAfter(due)) {
                    throw new TransitionRefusedException(RefusalReason.NEW_DATE_NOT_LATER, newDue.toString(),
                            due.toString());
                }
                c.due = Optional.of(newDue);
                c.detail = ((Action.Apologize) action).channel().name();
            }
            case ARCHIVE -> c.state = ARCHIVED;
            // the note names the document and where it came from; nothing else changes
            case ATTACH_DOCUMENT -> requireReason(note, action.type());
            case RECEIVE -> throw new TransitionRefusedException(RefusalReason.STATE, action.type(), d.state());
        }
        return c.commit(action.type(), actor, at, note);
    }

    /** Why an action would be refused, without building an exception (allowedActions asks this often). */
    private record Refusal(RefusalReason reason, Object... args) {

        TransitionRefusedException exception() {
            return new TransitionRefusedException(reason, args);
        }
    }

    private void checkGuards(Dossier d, ActionType type, Actor actor, Instant at) {
        Optional<Refusal> refusal = guard(d, type, actor, at);
        if (refusal.isPresent()) {
            throw refusal.get().exception();
        }
    }

    private static Optional<Refusal> guard(Dossier d, ActionType type, Actor actor, Instant at) {
        Rule rule = TABLE.get(type);
        if (rule == null) {
            return Optional.of(new Refusal(RefusalReason.STATE, type, d.state()));
        }
        Instant last = d.lastEntry().at();
        if (at.isBefore(last)) {
            return Optional.of(new Refusal(RefusalReason.TIME_ORDER, at.toString(), last.toString()));
        }
        if (!rule.from().contains(d.state())) {
            return Optional.of(new Refusal(RefusalReason.STATE, type, d.state()));
        }
        if (!rule.roles().contains(actor.role())) {
            return Optional.of(new Refusal(RefusalReason.ROLE, actor.role(), type));
        }
        String office = rule.atReceivingOffice() ? d.receivingOfficeId() : d.currentOfficeId();
        if (!office.equals(actor.officeId())) {
            return Optional.of(new Refusal(RefusalReason.OFFICE, actor.officeId(), office));
        }
        return switch (type) {
            case SEND_BACK -> d.forwardedFrom().isEmpty()
                    ? Optional.of(new Refusal(RefusalReason.NOT_FORWARDED)) : Optional.empty();
            case RETURN_RESULT -> d.forwardedFrom().isEmpty()
                    ? Optional.empty() : Optional.of(new Refusal(RefusalReason.STILL_FORWARDED, d.forwardedFrom().get(0)));
            case APOLOGIZE -> {
                if (d.isPaused()) {
                    yield Optional.of(new Refusal(RefusalReason.PAUSED));
                }
                Instant due = d.dueAt().orElseThrow();
                yield at.isAfter(due) ? Optional.of(new Refusal(RefusalReason.ALREADY_LATE, due.toString()))
                        : Optional.empty();
            }
            default -> Optional.empty();
        };
    }

    private static void requireReason(String note, ActionType type) {
        if (note.isEmpty()) {
            throw new TransitionRefusedException(RefusalReason.REASON_REQUIRED, type);
        }
    }

    private Instant stepDeadline(Instant start, Duration total, ProcessingStep step) {
        return calendar.plusWorkingTime(start, total.multipliedBy(step.sharePercent()).dividedBy(100));
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The mutable working copy of one transition; {@link #commit} turns it into the next immutable version. */
    private final class Change {
        final Dossier before;
        DossierState state;
        String office;
        final List<String> forwardedFrom;
        Optional<Instant> due;
        Optional<Instant> stepDeadline;
        Optional<Pause> pause;
        final List<ResultCode> results;
        String detail;

        Change(Dossier d) {
            before = d;
            state = d.state();
            office = d.currentOfficeId();
            forwardedFrom = new ArrayList<>(d.forwardedFrom());
            due = d.dueAt();
            stepDeadline = d.stepDeadline();
            pause = d.pause();
            results = new ArrayList<>(d.results());
        }

        void close(DossierState closed) {
            state = closed;
            pause = Optional.empty();
        }

        /** Stops the clock, keeping the counter time left to the due date and to the step's deadline. */
        void pause(Instant at) {
            Duration remaining = nonNegative(calendar.workingTimeBetween(at, due.orElseThrow()));
            Optional<Duration> stepRemaining = stepDeadline.map(s -> nonNegative(calendar.workingTimeBetween(at, s)));
            pause = Optional.of(new Pause(at, state, remaining, stepRemaining));
        }

        /** Restarts the clock: deadlines not yet passed when it stopped move by the time spent waiting, never earlier. */
        void resume(Instant at) {
            if (pause.isEmpty()) {
                return;
            }
            Pause p = pause.get();
            Instant oldDue = due.orElseThrow();
            if (!p.since().isAfter(oldDue)) {
                due = Optional.of(later(oldDue, calendar.plusWorkingTime(at, p.remaining())));
            }
            if (stepDeadline.isPresent() && p.stepRemaining().isPresent() && !p.since().isAfter(stepDeadline.get())) {
                stepDeadline = Optional.of(later(stepDeadline.get(), calendar.plusWorkingTime(at,
                        p.stepRemaining().get())));
            }
            pause = Optional.empty();
        }

        Dossier commit(ActionType type, Actor actor, Instant at, String note) {
            Dossier d = before;
            Optional<ProcessingStep> step = d.currentStep();
            Instant judgedAt = d.pause().map(Pause::since).orElse(at);
            // only hand-overs are judged against the step's deadline; attaching a document hands nothing over
            Optional<Verdict> verdict = d.stepDeadline().filter(s -> step.isPresent() && type != ActionType.ATTACH_DOCUMENT)
                    .map(s -> Verdict.judge(judgedAt, s));
            int stepIndex = d.stepIndex();
            if (step.isPresent() && type.ends().contains(step.get().kind())) {
                stepIndex++;
                stepDeadline = stepIndex < d.procedure().steps().size()
                        ? Optional.of(stepDeadline(at, d.totalWorkingTime(), d.procedure().steps().get(stepIndex)))
                        : Optional.empty();
            }
            if (state.isFinal()) {
                // a closed dossier has no step left to judge
                stepIndex = d.procedure().steps().size();
                stepDeadline = Optional.empty();
            }
            HistoryEntry entry = new HistoryEntry(d.version() + 1, type, Optional.of(d.state()), state, actor.userId(),
                    actor.role(), actor.officeId(), office, at, note, Optional.ofNullable(detail),
                    step.map(ProcessingStep::kind),
                    step.isPresent() ? d.stepDeadline() : Optional.empty(), verdict, due, pause.isPresent());
            List<HistoryEntry> history = new ArrayList<>(d.history());
            history.add(entry);
            return new Dossier(d.code(), d.procedure(), d.channel(), d.receivingOfficeId(), office, forwardedFrom, state,
                    d.receivedAt(), due, d.totalWorkingTime(), stepIndex, stepDeadline, pause, results,
                    d.missingComponents(), history, d.version() + 1);
        }
    }
}
