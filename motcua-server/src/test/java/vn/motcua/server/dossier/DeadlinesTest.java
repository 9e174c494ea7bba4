package vn.motcua.server.dossier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.server.Desk;
import vn.motcua.server.ServerTest;
import vn.motcua.server.TestClock;
import vn.motcua.server.notification.DeadlineWatch;
import vn.motcua.server.notification.Notifier;
import vn.motcua.server.notification.OutboxNotifier;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.domain.office.Role.RECEPTION;
import static vn.motcua.domain.office.Role.SPECIALIST;

/** Apology with a new date (Form 04) before going late, then the dossier goes overdue and the watch says so. */
@ServerTest
class DeadlinesTest {

    static final String WARD = "xa-ia-rbol";

    @Autowired
    Desk desk;
    @Autowired
    TestClock clock;
    @Autowired
    DeadlineWatch watch;
    @Autowired
    OutboxNotifier outbox;

    @Test
    void apologyMovesTheDueDateThenTheDossierGoesOverdue() throws Exception {
        long id = desk.receiveAccepted(WARD, "2.000720", "application", "id-document");
        desk.ok(WARD, RECEPTION, id, "transfer-to-processing", null);
        MvcResult before = desk.get(WARD, SPECIALIST, "/api/dossiers/{id}", id);
        String code = Desk.read(before, "$.code");
        Instant due = Instant.parse(Desk.read(before, "$.dueAt"));
        LocalDate newDate = due.atZone(WorkingCalendar.ZONE).toLocalDate().plusDays(5);

        // An apology must move the date later.
        MvcResult earlier = desk.act(WARD, SPECIALIST, id, "apologize", "{\"newDueDate\":\""
                + due.atZone(WorkingCalendar.ZONE).toLocalDate().minusDays(1) + "\",\"noticeChannel\":\"SMS_ZALO\"}");
        assertThat(earlier.getResponse().getStatus()).isEqualTo(422);
        assertThat(Desk.<String>read(earlier, "$.key")).isEqualTo("dossier.refused.newDateNotLater");

        MvcResult apologized = desk.act(WARD, SPECIALIST, id, "apologize", "{\"newDueDate\":\"" + newDate
                + "\",\"noticeChannel\":\"SMS_ZALO\",\"note\":\"Chờ xác minh\"}");
        assertThat(apologized.getResponse().getStatus()).isEqualTo(200);
        Instant newDue = Instant.parse(Desk.read(apologized, "$.dueAt"));
        assertThat(newDue.atZone(WorkingCalendar.ZONE).toLocalDate()).isEqualTo(newDate);
        assertThat(Desk.<String>read(apologized, "$.state")).isEqualTo("IN_PROCESSING");
        assertThat(desk.get(WARD, SPECIALIST, "/api/dossiers/{id}/slips/04", id).getResponse().getStatus())
                .isEqualTo(200);
        assertThat(outbox.pending(code)).extracting(OutboxNotifier.Notice::kind).contains(Notifier.Kind.APOLOGY_SENT);

        // Move past the new date: the dossier is overdue, the watch queues one OVERDUE notice, apologies are too late.
        clock.advance(Duration.between(clock.instant(), newDue).plusDays(2));
        watch.check();
        watch.check();
        assertThat(outbox.pending(code)).filteredOn(n -> n.kind() == Notifier.Kind.OVERDUE).hasSize(1);
        assertThat(Desk.<Boolean>read(desk.get(WARD, SPECIALIST, "/api/dossiers/{id}", id), "$.overdue")).isTrue();
        MvcResult late = desk.act(WARD, SPECIALIST, id, "apologize", "{\"newDueDate\":\"" + newDate.plusDays(30)
                + "\",\"noticeChannel\":\"PAPER\"}");
        assertThat(late.getResponse().getStatus()).isEqualTo(409);
        assertThat(Desk.<String>read(late, "$.key")).isEqualTo("dossier.refused.alreadyLate");
    }

    @Test
    void theWatchWarnsOnceWhenADossierFallsDueWithinADay() throws Exception {
        long id = desk.receiveAccepted(WARD, "2.000884", "document", "id-document");
        MvcResult received = desk.get(WARD, RECEPTION, "/api/dossiers/{id}", id);
        String code = Desk.read(received, "$.code");
        Instant due = Instant.parse(Desk.read(received, "$.dueAt"));
        Duration left = Duration.between(clock.instant(), due);
        if (left.compareTo(Duration.ofHours(2)) > 0) {
            clock.advance(left.minusHours(2));
        }
        watch.check();
        watch.check();
        assertThat(outbox.pending(code)).extracting(OutboxNotifier.Notice::kind).containsExactly(Notifier.Kind.DUE_SOON);
    }
}
