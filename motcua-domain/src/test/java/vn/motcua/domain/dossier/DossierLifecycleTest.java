package vn.motcua.domain.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.motcua.domain.dossier.Fixtures.ONE_STOP;
import static vn.motcua.domain.dossier.Fixtures.accepted;
import static vn.motcua.domain.dossier.Fixtures.actor;
import static vn.motcua.domain.dossier.Fixtures.at;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import vn.motcua.domain.DomainMessages;
import vn.motcua.domain.office.Actor;
import vn.motcua.domain.office.Role;
import vn.motcua.domain.procedure.Procedure;
import vn.motcua.domain.procedure.StepKind;

/** Example-based tests of each transition and guard (the property test covers random sequences). */
class DossierLifecycleTest {

    // household business, current version: commune level, 3 working days, clock stops for supplements
    private static final String BUSINESS = "2.000720";
    private static final String BIRTH = "1.001193";
    private static final String COPY = "2.000908";
    private static final String LAND_FIRST = "1.003003";
    private static final String LAND_TRANSFER = "1.004227";
    private static final String WARD = "phuong-ayun-pa";

    private static final Actor RECEPTION = actor(Role.RECEPTION, WARD);
    private static final Actor SPECIALIST = actor(Role.SPECIALIST, WARD);
    private static final Actor LEADER = actor(Role.LEADER, WARD);
    private static final Actor ARCHIVIST = actor(Role.ARCHIVIST, WARD);

    private static Dossier apply(Dossier d, Action a, Actor who, String when) {
        Dossier next = ONE_STOP.apply(d, a, who, at(when));
        assertThat(next.version()).isEqualTo(d.version() + 1);
        assertThat(next.lastEntry().action()).isEqualTo(a.type());
        return next;
    }

    private static void refused(Dossier d, RefusalReason reason, ThrowingCallable call) {
        Dossier before = new Dossier(d.code(), d.procedure(), d.channel(), d.receivingOfficeId(), d.currentOfficeId(),
                d.forwardedFrom(), d.state(), d.receivedAt(), d.dueAt(), d.totalWorkingTime(), d.stepIndex(),
                d.stepDeadline(), d.pause(), d.results(), d.missingComponents(), d.history(), d.version());
        TransitionRefusedException e = catchThrowableOfType(TransitionRefusedException.class, call);
        assertThat(e).as("expected refusal " + reason).isNotNull();
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.key()).isEqualTo(reason.key());
        assertThat(e.message(DomainMessages.VIETNAMESE)).doesNotContain("!").isNotEqualTo(e.message(Locale.ENGLISH));
        assertThat(d).isEqualTo(before);
    }

    @Test
    void acceptedDossierGetsItsCodeAndDueDate() {
        Dossier d = accepted(BUSINESS, WARD, Channel.COUNTER, at("2025-09-15T09:00"));
        assertThat(d.state()).isEqualTo(DossierState.RECEIVED);
        assertThat(d.code().value()).startsWith("000.00.41.H21-250915-");
        // 3 working days from Monday 15/09/2025: Thursday 18/09 at closing time
        assertThat(d.dueAt()).contains(at("2025-09-18T17:00"));
        assertThat(d.version()).isEqualTo(1);
        assertThat(d.history()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(ActionType.RECEIVE);
            assertThat(e.userId()).isEqualTo(RECEPTION.userId());
            assertThat(e.step()).contains(StepKind.RECEPTION);
            assertThat(e.stepDeadline()).isPresent();
        });
        assertThat(d.currentStep().orElseThrow().kind()).isEqualTo(StepKind.RECEPTION);
    }

    @Test
    void sameDayProceduresHonourTheThreePmCutOff() {
        assertThat(accepted(BIRTH, WARD, Channel.COUNTER, at("2025-09-15T14:30")).dueAt())
                .contains(at("2025-09-15T17:00"));
        assertThat(accepted(BIRTH, WARD, Channel.COUNTER, at("2025-09-15T15:30")).dueAt())
                .contains(at("2025-09-16T17:00"));
        // Friday after 15:00 → Monday
        assertThat(accepted(BIRTH, WARD, Channel.ONLINE, at("2025-09-19T15:01")).dueAt())
                .contains(at("2025-09-22T17:00"));
    }

    @Test
    void codesOfOneOfficeAndDayFollowEachOther() {
        Dossier a = accepted(COPY, "xa-ia-rbol", Channel.COUNTER, at("2025-10-06T08:00"));
        Dossier b = accepted(COPY, "xa-ia-rbol", Channel.POST, at("2025-10-06T08:05"));
        assertThat(b.code().sequence()).isEqualTo(a.code().sequence() + 1);
        assertThat(b.code().receptionDate()).isEqualTo(LocalDate.of(2025, 10, 6));
    }

    @Test
    void incompleteDossierGetsGuidanceAndIsFinal() {
        Procedure p = ONE_STOP.procedures().versionOn(BUSINESS, LocalDate.of(2025, 9, 15)).orElseThrow();
        Dossier d = ONE_STOP.receive(new Reception(p, RECEPTION, Channel.COUNTER, at("2025-09-15T09:00"),
                Set.of("application"), Reception.Outcome.INCOMPLETE, ""));
        assertThat(d.state()).isEqualTo(DossierState.INCOMPLETE);
        assertThat(d.missingComponents()).containsExactly("id-document");
        assertThat(d.dueAt()).isEmpty();
        assertThat(d.isFinal()).isTrue();
        refused(d, RefusalReason.STATE, () -> ONE_STOP.apply(d, new Action.TransferToProcessing(""), RECEPTION,
                at("2025-09-15T09:10")));
        Dossier archived = apply(d, new Action.Archive(""), ARCHIVIST, "2025-09-16T09:00");
        assertThat(archived.state()).isEqualTo(DossierState.ARCHIVED);
    }

    @Test
    void receptionGuards() {
        Procedure p = ONE_STOP.procedures().versionOn(BUSINESS, LocalDate.of(2025, 9, 15)).orElseThrow();
        Instant when = at("2025-09-15T09:00");
        Set<String> all = Fixtures.allComponents(p);
        Dossier next = accepted(BUSINESS, WARD, Channel.COUNTER, when);
        receptionRefused(RefusalReason.MISSING_COMPONENTS,
                new Reception(p, RECEPTION, Channel.COUNTER, when, Set.of("application"), Reception.Outcome.ACCEPT, ""));
        receptionRefused(RefusalReason.REASON_REQUIRED,
                new Reception(p, RECEPTION, Channel.COUNTER, when, all, Reception.Outcome.REFUSE, " "));
        receptionRefused(RefusalReason.GUIDANCE_EMPTY,
                new Reception(p, RECEPTION, Channel.COUNTER, when, all, Reception.Outcome.INCOMPLETE, ""));
        receptionRefused(RefusalReason.UNKNOWN_COMPONENT,
                new Reception(p, RECEPTION, Channel.COUNTER, when, Set.of("passport"), Reception.Outcome.ACCEPT, ""));
        receptionRefused(RefusalReason.ROLE,
                new Reception(p, SPECIALIST, Channel.COUNTER, when, all, Reception.Outcome.ACCEPT, ""));
        receptionRefused(RefusalReason.WRONG_LEVEL, new Reception(p, actor(Role.RECEPTION, "gia-lai"), Channel.COUNTER,
                when, all, Reception.Outcome.ACCEPT, ""));
        // a legacy ward does not exist after the reform; a legacy procedure version is not in force
        receptionRefused(RefusalReason.OFFICE_NOT_VALID, new Reception(p, actor(Role.RECEPTION, "doan-ket"),
                Channel.COUNTER, when, all, Reception.Outcome.ACCEPT, ""));
        Procedure legacy = ONE_STOP.procedures().version(BUSINESS, 1).orElseThrow();
        receptionRefused(RefusalReason.PROCEDURE_NOT_VALID, new Reception(legacy, RECEPTION, Channel.COUNTER, when, all,
                Reception.Outcome.ACCEPT, ""));
        // refused receptions draw no number
        Dossier after = accepted(BUSINESS, WARD, Channel.COUNTER, when);
        assertThat(after.code().sequence()).isEqualTo(next.code().sequence() + 1);
        // a code from another office or day is refused
        vn.motcua.domain.code.DossierCode tomorrow = new vn.motcua.domain.code.DossierCode(next.code().agency(),
                LocalDate.of(2025, 9, 16), 1);
        assertThatThrownBy(() -> ONE_STOP.lifecycle().receive(new Reception(p, RECEPTION, Channel.COUNTER, when, all,
                Reception.Outcome.ACCEPT, ""), tomorrow)).isInstanceOfSatisfying(TransitionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RefusalReason.CODE_MISMATCH));
    }

    private static void receptionRefused(RefusalReason reason, Reception r) {
        assertThatThrownBy(() -> ONE_STOP.receive(r)).isInstanceOfSatisfying(TransitionRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void refusalAtReceptionWithReasons() {
        Procedure p = ONE_STOP.procedures().versionOn(BUSINESS, LocalDate.of(2025, 9, 15)).orElseThrow();
        Dossier d = ONE_STOP.receive(new Reception(p, RECEPTION, Channel.ONLINE, at("2025-09-15T10:00"),
                Set.of(), Reception.Outcome.REFUSE, "Ngành nghề kinh doanh bị cấm"));
        assertThat(d.state()).isEqualTo(DossierState.REFUSED);
        assertThat(d.history().get(0).note()).isEqualTo("Ngành nghề kinh doanh bị cấm");
    }

    @Test
    void simpleLifeAtOneCommune() {
        Dossier d = accepted(BUSINESS, WARD, Channel.COUNTER, at("2025-09-15T09:00"));
        d = apply(d, new Action.TransferToProcessing(""), RECEPTION, "2025-09-15T10:00");
        assertThat(d.state()).isEqualTo(DossierState.IN_PROCESSING);
        assertThat(d.history().get(1).step()).contains(StepKind.RECEPTION);
        assertThat(d.currentStep().orElseThrow().kind()).isEqualTo(StepKind.PROCESSING);
        d = apply(d, new Action.SubmitForApproval(""), SPECIALIST, "2025-09-16T10:00");
        assertThat(d.state()).isEqualTo(DossierState.AWAITING_APPROVAL);
        d = apply(d, new Action.Approve(""), LEADER, "2025-09-16T14:00");
        d = apply(d, new Action.SignResult(""), LEADER, "2025-09-16T14:05");
        assertThat(d.results()).extracting(Object::toString).containsExactly(d.code() + "-KQ1");
        d = apply(d, new Action.SignResult("giấy chứng nhận bản thứ hai"), LEADER, "2025-09-16T14:10");
        assertThat(d.results()).extracting(Object::toString).containsExactly(d.code() + "-KQ1", d.code() + "-KQ2");
        assertThat(d.resolvedAt()).contains(at("2025-09-16T14:05"));
        d = apply(d, new Action.ReturnResult(Channel.POST, ""), RECEPTION, "2025-09-17T08:00");
        assertThat(d.state()).isEqualTo(DossierState.RETURNED);
        assertThat(d.lastEntry().detail()).contains("POST");
        assertThat(d.lastEntry().verdict()).isPresent();
        d = apply(d, new Action.Archive(""), ARCHIVIST, "2025-09-18T08:00");
        assertThat(d.keptUntil()).contains(LocalDate.of(2035, 9, 18));
        // archived is terminal
        for (Actor who : new Actor[] {RECEPTION, SPECIALIST, LEADER, ARCHIVIST}) {
            assertThat(ONE_STOP.allowedActions(d, who, at("2025-09-19T08:00"))).isEmpty();
        }
        Dossier archived = d;
        refused(d, RefusalReason.STATE, () -> ONE_STOP.apply(archived, new Action.Archive(""), ARCHIVIST,
                at("2025-09-19T08:00")));
        assertThat(d.history()).extracting(HistoryEntry::sequence).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void roleOfficeStateAndTimeGuards() {
        Dossier d = accepted(BUSINESS, WARD, Channel.COUNTER, at("2025-09-15T09:00"));
        refused(d, RefusalReason.ROLE, () -> ONE_STOP.apply(d, new Action.TransferToProcessing(""), SPECIALIST,
                at("2025-09-15T10:00")));
        refused(d, RefusalReason.OFFICE, () -> ONE_STOP.apply(d, new Action.TransferToProcessing(""),
                actor(Role.RECEPTION, "xa-ia-rbol"), at("2025-09-15T10:00")));
        refused(d, RefusalReason.STATE, () -> ONE_STOP.apply(d, new Action.Approve(""), LEADER, at("2025-09-15T10:00")));
        refused(d, RefusalReason.TIME_ORDER, () -> ONE_STOP.apply(d, new Action.TransferToProcessing(""), RECEPTION,
                at("2025-09-15T08:59")));
        refused(d, RefusalReason.ROLE, () -> ONE_STOP.apply(d, new Action.TransferToProcessing(""),
                actor(Role.ADMIN, WARD), at("2025-09-15T10:00")));
        assertThat(ONE_STOP.allowedActions(d, RECEPTION, at("2025-09-15T10:00"))).containsExactlyInAnyOrder(
                ActionType.TRANSFER_TO_PROCESSING, ActionType.REFUSE, ActionType.FORWARD, ActionType.WITHDRAW,
                ActionType.APOLOGIZE, ActionType.ATTACH_DOCUMENT);
        assertThat(ONE_STOP.allowedActions(d, actor(Role.ADMIN, WARD), at("2025-09-15T10:00"))).isEmpty();
        Dossier processing = apply(d, new Action.TransferToProcessing(""), RECEPTION, "2025-09-15T10:00");
        assertThat(ONE_STOP.allowedActions(processing, SPECIALIST, at("2025-09-15T11:00"))).containsExactlyInAnyOrder(
                ActionType.REFUSE, ActionType.REQUEST_SUPPLEMENT, ActionType.FORWARD, ActionType.STOP,
                ActionType.AWAIT_FINANCIAL_OBLIGATION, ActionType.SUBMIT_FOR_APPROVAL, ActionType.APOLOGIZE,
                ActionType.ATTACH_DOCUMENT);
        refused(processing, RefusalReason.REASON_REQUIRED, () -> ONE_STOP.apply(processing, new Action.Stop(" "),
                LEADER, at("2025-09-15T11:00")));
        refused(processing, RefusalReason.REASON_REQUIRED, () -> ONE_STOP.apply(processing, new Action.Refuse(""),
                SPECIALIST, at("2025-09-15T11:00")));
        Dossier stopped = apply(processing, new Action.Stop("Người nộp đề nghị dừng"), LEADER, "2025-09-15T11:00");
        assertThat(stopped.state()).isEqualTo(DossierState.STOPPED);
        refused(stopped, RefusalReason.STATE, () -> ONE_STOP.apply(stopped, new Action.SubmitForApproval(""),
                SPECIALIST, at("2025-09-15T12:00")));
    }

    @Test
    void supplementStopsTheClockWhenTheProcedureSaysSo() {
        Dossier d = accepted(BUSINESS, WARD, Channel.COUNTER, at("2025-09-15T09:00"));
        d = apply(d, new Action.TransferToProcessing(""), RECEPTION, "2025-09-15T10:00");
        d = apply(d, new Action.RequestSupplement("Thiếu bản sao giấy tờ"), SPECIALIST, "2025-09-16T09:00");
        assertThat(d.state()).isEqualTo(DossierState.AWAITING_SUPPLEMENT);
        assertThat(d.isPaused()).isTrue();
        // 22 h of counter time were left: 16/09 09:00–11:30 and 13:30–17:00 (6 h), 17/09 and 18/09 (8 h each)
        assertThat(d.pause().orElseThrow().remaining()).isEqualTo(java.time.Duration.ofHours(22));
        assertThat(d.isOverdue(at("2025-09-30T09:00"))).isFalse();
        Dossier paused = d;
        refused(d, RefusalReason.PAUSED, () -> ONE_STOP.apply(paused, new Action.Apologize(at("2025-09-30T17:00"),
                NoticeChannel.EMAIL, ""), SPECIALIST, at("2025-09-17T09:00")));
        d = apply(d, new Action.SupplementReceived(""), RECEPTION, "2025-09-22T09:00");
        // resumed Monday 22/09 09:00 with 22 h: 6 h on 22/09, 8 h on 23/09, 8 h on 24/09 → 24/09 17:00
        assertThat(d.dueAt()).contains(at("2025-09-24T17:00"));
        assertThat(d.isPaused()).isFalse();
        assertThat(d.history().get(3).clockPaused()).isFalse();
        assertThat(d.history().get(2).clockPaused()).isTrue();
    }

    @Test
    void supplementWithoutPauseKeepsTheDueDate() {
        Dossier d = accepted(COPY, WARD, Channel.COUNTER, at("2025-09-15T08:00"));
        Instant due = d.dueAt().orElseThrow();
        d = apply(d, new Action.TransferToProcessing(""), RECEPTION, "2025-09-15T08:10");
        d = apply(d, new Action.RequestSupplement(""), SPECIALIST, "2025-09-15T08:20");
        assertThat(d.isPaused()).isFalse();
        d = apply(d, new Action.SupplementReceived(""), RECEPTION, "2025-09-15T09:20");
        assertThat(d.dueAt()).contains(due);
    }

    @Test
    void financialObligationAlwaysStopsTheClock() {
        Dossier d = accepted(COPY, WARD, Channel.COUNTER, at("2025-09-15T08:00"));
        d = apply(d, new Action.TransferToProcessing(""), RECEPTION, "2025-09-15T08:10");
        d = apply(d, new Action.AwaitFinancialObligation("Chờ nộp thuế"), SPECIALIST, "2025-09-15T16:00");
        assertThat(d.isPaused()).isTrue();
        assertThat(d.pause().orElseThrow().remaining()).isEqualTo(java.time.Duration.ofHours(1));
        d = apply(d, new Action.FinancialObligationMet(""), SPECIALIST, "2025-09-17T08:00");
        assertThat(d.dueAt()).contains(at("2025-09-17T09:00"));
    }

    @Test
    void lateWhenPausedStaysLate() {
        Dossier d = accepted(COPY, WARD, Channel.COUNTER, at("2025-09-15T08:00"));
        Instant due = d.dueAt().orElseThrow();
        d = apply(d, new Action.TransferToProcessing(""), RECEPTION, "2025-09-16T08:00");
        assertThat(d.history().get(1).verdict()).contains(Verdict.LATE);
        d = apply(d, new Action.AwaitFinancialObligation(""), SPECIALIST, "2025-09-16T09:00");
        assertThat(d.isOverdue(at("2025-09-16T10:00"))).isTrue();
        d = apply(d, new Action.FinancialObligationMet(""), SPECIALIST, "2025-09-18T09:00");
        assertThat(d.dueAt()).contains(due);
    }

    @Test
    void apologyOnlyBeforeGoingLateAndOnlyToALaterDate() {
        Dossier d = accepted(BUSINESS, WARD, Channel.COUNTER, at("2025-09-15T09:00"));
        Instant due = d.dueAt().orElseThrow();
        Dossier received = d;
        refused(d, RefusalReason.NEW_DATE_NOT_LATER, () -> ONE_STOP.apply(received, new Action.Apologize(due,
                NoticeChannel.PAPER, ""), RECEPTION, at("2025-09-18T16:00")));
        refused(d, RefusalReason.ALREADY_LATE, () -> ONE_STOP.apply(received, new Action.Apologize(
                at("2025-09-25T17:00"), NoticeChannel.PAPER, ""), RECEPTION, at("2025-09-18T17:01")));
        d = apply(d, new Action.Apologize(at("2025-09-25T17:00"), NoticeChannel.SMS_ZALO, "Cần xác minh thêm"),
                RECEPTION, "2025-09-18T17:00");
        assertThat(d.dueAt()).contains(at("2025-09-25T17:00"));
        assertThat(d.state()).isEqualTo(DossierState.RECEIVED);
        assertThat(d.lastEntry().detail()).contains("SMS_ZALO");
        assertThat(d.isOverdue(at("2025-09-19T08:00"))).isFalse();
    }

    @Test
    void legacyInterconnectionWardToDistrictAndBack() {
        Actor wardReception = actor(Role.RECEPTION, "doan-ket");
        Actor wardSpecialist = actor(Role.SPECIALIST, "doan-ket");
        Actor districtSpecialist = actor(Role.SPECIALIST, "ayun-pa");
        Actor districtLeader = actor(Role.LEADER, "ayun-pa");
        Dossier d = accepted(LAND_FIRST, "doan-ket", Channel.COUNTER, at("2024-03-12T08:00"));
        assertThat(d.procedure().version()).isEqualTo(1);
        assertThat(d.code().agency().value()).isEqualTo("000.03.09.H21");
        d = apply(d, new Action.TransferToProcessing(""), wardReception, "2024-03-12T09:00");
        refused(d, RefusalReason.NOT_FORWARDED, sendBack(d, wardSpecialist, "2024-03-13T08:00"));
        Dossier inWard = d;
        refused(d, RefusalReason.SAME_OFFICE, () -> ONE_STOP.apply(inWard, new Action.Forward("doan-ket", ""),
                wardSpecialist, at("2024-03-13T08:00")));
        refused(d, RefusalReason.UNKNOWN_OFFICE, () -> ONE_STOP.apply(inWard, new Action.Forward("gia-lai-land", ""),
                wardSpecialist, at("2024-03-13T08:00")));
        d = apply(d, new Action.Forward("ayun-pa", "Chuyển Phòng Tài nguyên và Môi trường"), wardSpecialist,
                "2024-03-14T08:00");
        assertThat(d.state()).isEqualTo(DossierState.FORWARDED);
        assertThat(d.currentOfficeId()).isEqualTo("ayun-pa");
        assertThat(d.forwardedFrom()).containsExactly("doan-ket");
        // the commune processing step ended; the district one is current
        assertThat(d.stepIndex()).isEqualTo(2);
        Dossier forwarded = d;
        refused(d, RefusalReason.OFFICE, () -> ONE_STOP.apply(forwarded, new Action.AcceptForwarded(""),
                wardSpecialist, at("2024-03-14T09:00")));
        d = apply(d, new Action.AcceptForwarded(""), districtSpecialist, "2024-03-14T09:00");
        Dossier atDistrict = d;
        refused(d, RefusalReason.FORWARD_LOOP, () -> ONE_STOP.apply(atDistrict, new Action.Forward("doan-ket", ""),
                districtSpecialist, at("2024-03-14T10:00")));
        d = apply(d, new Action.SubmitForApproval(""), districtSpecialist, "2024-03-20T09:00");
        d = apply(d, new Action.Approve(""), districtLeader, "2024-03-21T09:00");
        d = apply(d, new Action.SignResult(""), districtLeader, "2024-03-21T10:00");
        Dossier signed = d;
        refused(d, RefusalReason.STILL_FORWARDED, () -> ONE_STOP.apply(signed, new Action.ReturnResult(Channel.COUNTER,
                ""), actor(Role.RECEPTION, "ayun-pa"), at("2024-03-21T11:00")));
        d = ONE_STOP.apply(d, new Action.SendBack(""), districtSpecialist, at("2024-03-21T11:00"));
        assertThat(d.state()).isEqualTo(DossierState.SENT_BACK);
        assertThat(d.currentOfficeId()).isEqualTo("doan-ket");
        d = apply(d, new Action.ReceiveBack(""), wardReception, "2024-03-21T14:00");
        assertThat(d.state()).isEqualTo(DossierState.RESULT_SIGNED);
        d = apply(d, new Action.ReturnResult(Channel.COUNTER, ""), wardReception, "2024-03-22T08:00");
        assertThat(d.stepIndex()).isEqualTo(d.procedure().steps().size());
        assertThat(d.history()).extracting(HistoryEntry::heldByOfficeId).containsExactly("doan-ket", "doan-ket",
                "ayun-pa", "ayun-pa", "ayun-pa", "ayun-pa", "ayun-pa", "doan-ket", "doan-ket", "doan-ket");
        assertThat(d.history()).extracting(e -> e.step().orElse(null)).containsExactly(StepKind.RECEPTION,
                StepKind.RECEPTION, StepKind.PROCESSING, StepKind.PROCESSING, StepKind.PROCESSING, StepKind.APPROVAL,
                StepKind.APPROVAL, StepKind.RETURN, StepKind.RETURN, StepKind.RETURN);
        assertThat(d.history()).allSatisfy(e -> assertThat(e.verdict()).isPresent());
    }

    private static ThrowingCallable sendBack(Dossier d, Actor who, String when) {
        return () -> ONE_STOP.apply(d, new Action.SendBack(""), who, at(when));
    }

    @Test
    void currentInterconnectionCommuneToProvinceWithWithdrawalAtTheReceivingOffice() {
        Dossier d = accepted(LAND_TRANSFER, WARD, Channel.ONLINE, at("2025-09-15T09:00"));
        d = apply(d, new Action.Forward("gia-lai-land", ""), RECEPTION, "2025-09-15T09:30");
        assertThat(d.history().get(1).step()).contains(StepKind.RECEPTION);
        assertThat(d.currentStep().orElseThrow().kind()).isEqualTo(StepKind.PROCESSING);
        d = apply(d, new Action.AcceptForwarded(""), actor(Role.RECEPTION, "gia-lai-land"), "2025-09-15T14:00");
        Dossier atProvince = d;
        // the applicant withdraws where the dossier was filed, not at the province
        refused(d, RefusalReason.OFFICE, () -> ONE_STOP.apply(atProvince, new Action.Withdraw(""),
                actor(Role.RECEPTION, "gia-lai-land"), at("2025-09-16T09:00")));
        d = apply(d, new Action.Withdraw("Người nộp xin rút"), RECEPTION, "2025-09-16T09:00");
        assertThat(d.state()).isEqualTo(DossierState.WITHDRAWN);
        assertThat(d.currentStep()).isEmpty();
        Dossier withdrawn = d;
        refused(d, RefusalReason.OFFICE, () -> ONE_STOP.apply(withdrawn, new Action.Archive(""), ARCHIVIST,
                at("2025-09-17T09:00")));
        d = apply(d, new Action.Archive(""), actor(Role.ARCHIVIST, "gia-lai-land"), "2025-09-17T09:00");
        assertThat(d.keptUntil()).isEmpty();
        assertThat(d.state()).isEqualTo(DossierState.ARCHIVED);
    }

    @Test
    void aDossierSentBackBeforeSigningIsProcessedFurtherAtHome() {
        Actor district = actor(Role.SPECIALIST, "ayun-pa");
        Dossier d = accepted(LAND_FIRST, "hoa-binh", Channel.POST, at("2024-05-06T08:00"));
        d = apply(d, new Action.TransferToProcessing(""), actor(Role.RECEPTION, "hoa-binh"), "2024-05-06T09:00");
        d = apply(d, new Action.Forward("ayun-pa", "xin ý kiến"), actor(Role.SPECIALIST, "hoa-binh"), "2024-05-07T09:00");
        d = apply(d, new Action.AcceptForwarded(""), district, "2024-05-07T10:00");
        d = apply(d, new Action.SendBack("trả lại để xác minh"), district, "2024-05-08T10:00");
        assertThat(d.lastEntry().detail()).contains("hoa-binh");
        d = apply(d, new Action.ReceiveBack(""), actor(Role.SPECIALIST, "hoa-binh"), "2024-05-08T14:00");
        assertThat(d.state()).isEqualTo(DossierState.IN_PROCESSING);
        assertThat(d.currentOfficeId()).isEqualTo("hoa-binh");
        assertThat(d.forwardedFrom()).isEmpty();
        assertThat(d.results()).isEmpty();
    }

    @Test
    void refusalDuringProcessingAndNoReturnBeforeSigning() {
        Dossier d = accepted(BUSINESS, WARD, Channel.COUNTER, at("2025-09-15T09:00"));
        d = apply(d, new Action.TransferToProcessing(""), RECEPTION, "2025-09-15T10:00");
        Dossier processing = d;
        refused(d, RefusalReason.STATE, () -> ONE_STOP.apply(processing, new Action.ReturnResult(Channel.COUNTER, ""),
                RECEPTION, at("2025-09-15T11:00")));
        refused(d, RefusalReason.STATE, () -> ONE_STOP.apply(processing, new Action.Archive(""), ARCHIVIST,
                at("2025-09-15T11:00")));
        d = apply(d, new Action.Refuse("Không đủ điều kiện"), SPECIALIST, "2025-09-15T11:00");
        assertThat(d.state()).isEqualTo(DossierState.REFUSED);
        assertThat(d.isOverdue(at("2025-12-01T00:00"))).isFalse();
    }

    @Test
    void aStoredDossierIsRebuiltOnlyIfItsHistoryIsConsistent() {
        Dossier d = apply(accepted(BUSINESS, WARD, Channel.COUNTER, at("2025-09-15T09:00")),
                new Action.TransferToProcessing(""), RECEPTION, "2025-09-15T10:00");
        Dossier rebuilt = new Dossier(d.code(), d.procedure(), d.channel(), d.receivingOfficeId(), d.currentOfficeId(),
                d.forwardedFrom(), d.state(), d.receivedAt(), d.dueAt(), d.totalWorkingTime(), d.stepIndex(),
                d.stepDeadline(), d.pause(), d.results(), d.missingComponents(), d.history(), d.version());
        assertThat(rebuilt).isEqualTo(d);
        assertThatThrownBy(() -> new Dossier(d.code(), d.procedure(), d.channel(), d.receivingOfficeId(),
                d.currentOfficeId(), d.forwardedFrom(), DossierState.APPROVED, d.receivedAt(), d.dueAt(),
                d.totalWorkingTime(), d.stepIndex(), d.stepDeadline(), d.pause(), d.results(), d.missingComponents(),
                d.history(), d.version())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Dossier(d.code(), d.procedure(), d.channel(), d.receivingOfficeId(),
                d.currentOfficeId(), d.forwardedFrom(), d.state(), d.receivedAt(), d.dueAt(), d.totalWorkingTime(),
                d.stepIndex(), d.stepDeadline(), d.pause(), d.results(), d.missingComponents(),
                java.util.List.of(d.history().get(1), d.history().get(0)), d.version()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Dossier(d.code(), d.procedure(), d.channel(), d.receivingOfficeId(),
                d.currentOfficeId(), d.forwardedFrom(), d.state(), d.receivedAt(), d.dueAt(), d.totalWorkingTime(),
                d.stepIndex(), d.stepDeadline(), d.pause(), d.results(), d.missingComponents(), d.history(), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void transitionTableIsExposedForDocumentation() {
        assertThat(DossierLifecycle.statesAllowing(ActionType.ARCHIVE)).allMatch(DossierState::isFinal)
                .doesNotContain(DossierState.ARCHIVED);
        assertThat(DossierLifecycle.rolesAllowed(ActionType.SIGN_RESULT)).containsExactly(Role.LEADER);
        for (ActionType type : ActionType.values()) {
            if (type != ActionType.ARCHIVE && type != ActionType.RECEIVE) {
                assertThat(DossierLifecycle.statesAllowing(type)).as(type.name()).noneMatch(DossierState::isFinal);
            }
        }
    }

    /** Everything of the dossier but its history and version, to show that attaching a document changes nothing else. */
    private static java.util.List<Object> allButHistory(Dossier d) {
        return java.util.Arrays.asList(d.code(), d.procedure(), d.channel(), d.receivingOfficeId(), d.currentOfficeId(),
                d.forwardedFrom(), d.state(), d.receivedAt(), d.dueAt(), d.totalWorkingTime(), d.stepIndex(),
                d.stepDeadline(), d.pause(), d.results(), d.missingComponents());
    }

    @Test
    void attachingADocumentIsRecordedInEveryOpenStateAndChangesNothingElse() {
        Dossier d = accepted(BUSINESS, WARD, Channel.COUNTER, at("2025-09-15T09:00"));
        Dossier received = apply(d, new Action.AttachDocument("bien-ban.pdf (Alfresco/Share)"), SPECIALIST,
                "2025-09-15T09:30");
        assertThat(allButHistory(received)).isEqualTo(allButHistory(d));
        HistoryEntry e = received.lastEntry();
        assertThat(e.from()).contains(DossierState.RECEIVED);
        assertThat(e.to()).isEqualTo(DossierState.RECEIVED);
        assertThat(e.note()).isEqualTo("bien-ban.pdf (Alfresco/Share)");
        assertThat(e.userId()).isEqualTo(SPECIALIST.userId());
        assertThat(e.step()).contains(StepKind.RECEPTION);
        assertThat(e.verdict()).as("not a hand-over: no verdict").isEmpty();
        assertThat(e.dueAt()).isEqualTo(d.dueAt());

        // while the clock is stopped it stays stopped, and a later hand-over is judged as before
        Dossier processing = apply(received, new Action.TransferToProcessing(""), RECEPTION, "2025-09-15T10:00");
        Dossier waiting = apply(processing, new Action.RequestSupplement("Thiếu bản sao"), SPECIALIST,
                "2025-09-16T09:00");
        Dossier attached = apply(waiting, new Action.AttachDocument("ban-sao.pdf"), LEADER, "2025-09-17T09:00");
        assertThat(allButHistory(attached)).isEqualTo(allButHistory(waiting));
        assertThat(attached.lastEntry().clockPaused()).isTrue();
        assertThat(attached.isPaused()).isTrue();

        // any role of the holding office may do it, not the administrator, not another office
        refused(attached, RefusalReason.ROLE, () -> ONE_STOP.apply(attached, new Action.AttachDocument("x.pdf"),
                actor(Role.ADMIN, WARD), at("2025-09-17T10:00")));
        refused(attached, RefusalReason.OFFICE, () -> ONE_STOP.apply(attached, new Action.AttachDocument("x.pdf"),
                actor(Role.SPECIALIST, "xa-ia-rbol"), at("2025-09-17T10:00")));
        // the note (what was attached) is required
        refused(attached, RefusalReason.REASON_REQUIRED, () -> ONE_STOP.apply(attached,
                new Action.AttachDocument("  "), SPECIALIST, at("2025-09-17T10:00")));
        assertThat(ONE_STOP.allowedActions(attached, ARCHIVIST, at("2025-09-17T10:00")))
                .contains(ActionType.ATTACH_DOCUMENT);
        assertThat(DossierLifecycle.statesAllowing(ActionType.ATTACH_DOCUMENT))
                .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(DossierState.values())
                        .filter(s -> !s.isFinal()).toList());
    }

    @Test
    void attachingADocumentIsRefusedOnceTheDossierIsClosed() {
        Dossier d = accepted(BUSINESS, WARD, Channel.COUNTER, at("2025-09-15T09:00"));
        d = apply(d, new Action.TransferToProcessing(""), RECEPTION, "2025-09-15T10:00");
        Dossier refusedDossier = apply(d, new Action.Refuse("Không đủ điều kiện"), SPECIALIST, "2025-09-15T11:00");
        refused(refusedDossier, RefusalReason.STATE, () -> ONE_STOP.apply(refusedDossier,
                new Action.AttachDocument("x.pdf"), SPECIALIST, at("2025-09-15T12:00")));
        Dossier archived = apply(refusedDossier, new Action.Archive(""), ARCHIVIST, "2025-09-16T09:00");
        refused(archived, RefusalReason.STATE, () -> ONE_STOP.apply(archived, new Action.AttachDocument("x.pdf"),
                ARCHIVIST, at("2025-09-16T10:00")));
        assertThat(ONE_STOP.allowedActions(archived, ARCHIVIST, at("2025-09-16T10:00")))
                .doesNotContain(ActionType.ATTACH_DOCUMENT);
    }
}
