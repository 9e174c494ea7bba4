package vn.motcua.domain;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.domain.code.InMemoryDailySequence;
import vn.motcua.domain.dossier.Action;
import vn.motcua.domain.dossier.Channel;
import vn.motcua.domain.dossier.Dossier;
import vn.motcua.domain.dossier.HistoryEntry;
import vn.motcua.domain.dossier.NoticeChannel;
import vn.motcua.domain.dossier.Reception;
import vn.motcua.domain.dossier.TransitionRefusedException;
import vn.motcua.domain.office.Actor;
import vn.motcua.domain.office.Role;
import vn.motcua.domain.procedure.Procedure;
import vn.motcua.domain.report.Period;

/**
 * Walks one sample dossier through its life with the shipped data and prints its code, due dates and history (the
 * control slip). A land transfer received by a commune, processed and signed by the provincial land registration office
 * (with the tax time excluded), sent back and returned by the commune, then archived. Vietnamese by default; pass
 * {@code en} for English. Run: {@code ./mvnw -q -pl motcua-domain exec:java}.
 */
public final class Demo {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final Locale locale;
    private final PrintStream out;

    private Demo(Locale locale, PrintStream out) {
        this.locale = locale;
        this.out = out;
    }

    public static void main(String[] args) {
        Locale locale = args.length > 0 && args[0].equalsIgnoreCase("en") ? Locale.ENGLISH : DomainMessages.VIETNAMESE;
        new Demo(locale, new PrintStream(System.out, true, StandardCharsets.UTF_8)).run();
    }

    private void run() {
        OneStop oneStop = OneStop.withExampleData(new InMemoryDailySequence());
        Actor reception = new Actor("xa.tiepnhan", Role.RECEPTION, "phuong-ayun-pa");
        Actor archivist = new Actor("xa.luutru", Role.ARCHIVIST, "phuong-ayun-pa");
        Actor landReception = new Actor("vpdk.tiepnhan", Role.RECEPTION, "gia-lai-land");
        Actor specialist = new Actor("vpdk.chuyenvien", Role.SPECIALIST, "gia-lai-land");
        Actor leader = new Actor("vpdk.giamdoc", Role.LEADER, "gia-lai-land");

        Instant received = at("2025-09-15T09:00");
        Procedure procedure = oneStop.procedures().versionOn("1.004227", day(received)).orElseThrow();
        say("demo.title");
        say("demo.procedure", procedure.nationalCode(), procedure.version(), procedure.name(locale));
        say("demo.route", procedure.steps().stream().map(s -> text(s.kind().labelKey()) + " (" + text(s.level().labelKey())
                + ", " + s.sharePercent() + "%)").collect(Collectors.joining(" → ")));

        Dossier d = oneStop.receive(new Reception(procedure, reception, Channel.COUNTER, received,
                Set.of("application", "contract", "certificate", "tax-declaration"), Reception.Outcome.ACCEPT, ""));
        say("demo.received", TIME.format(local(received)), d.code(), TIME.format(local(d.dueAt().orElseThrow())));

        d = oneStop.apply(d, new Action.Forward("gia-lai-land", ""), reception, at("2025-09-15T09:30"));
        d = oneStop.apply(d, new Action.AcceptForwarded(""), landReception, at("2025-09-15T14:00"));
        d = oneStop.apply(d, new Action.AwaitFinancialObligation(""), specialist, at("2025-09-16T10:00"));
        d = oneStop.apply(d, new Action.FinancialObligationMet(""), specialist, at("2025-09-19T15:00"));
        d = oneStop.apply(d, new Action.SubmitForApproval(""), specialist, at("2025-09-22T09:00"));
        try {
            oneStop.apply(d, new Action.Approve(""), specialist, at("2025-09-22T09:05"));
        } catch (TransitionRefusedException e) {
            say("demo.refused", e.message(locale));
        }
        d = oneStop.apply(d, new Action.Approve(""), leader, at("2025-09-22T14:00"));
        d = oneStop.apply(d, new Action.SignResult(""), leader, at("2025-09-22T15:00"));
        d = oneStop.apply(d, new Action.SendBack(""), specialist, at("2025-09-23T08:00"));
        d = oneStop.apply(d, new Action.ReceiveBack(""), reception, at("2025-09-23T10:00"));
        if (!d.isOverdue(at("2025-09-24T08:00"))) {
            d = oneStop.apply(d, new Action.Apologize(d.dueAt().orElseThrow().plusSeconds(86_400), NoticeChannel.SMS_ZALO,
                    ""), reception, at("2025-09-24T08:00"));
        }
        d = oneStop.apply(d, new Action.ReturnResult(Channel.COUNTER, ""), reception, at("2025-09-24T09:00"));
        d = oneStop.apply(d, new Action.Archive(""), archivist, at("2025-09-24T16:00"));

        for (HistoryEntry e : d.history()) {
            String verdict = e.step().isPresent() && e.stepDeadline().isPresent() && e.verdict().isPresent()
                    ? text("demo.verdict", e.step().get(), TIME.format(local(e.stepDeadline().get())), e.verdict().get())
                    : "";
            say("demo.step", e.sequence(), text(e.action().labelKey()), e.userId(), text(e.role().labelKey()),
                    TIME.format(local(e.at())), text(e.to().labelKey()),
                    e.dueAt().map(due -> TIME.format(local(due))).orElse("-"), verdict);
        }
        d.results().forEach(r -> say("demo.result", r));
        say("demo.final", d.state(), d.keptUntil().map(date -> text("demo.until", date.toString()))
                .orElse(text("demo.permanent")));

        var report = oneStop.report(List.of(d), "phuong-ayun-pa", Period.month(2025, 9), at("2025-10-01T00:00"));
        say("report.title", "phuong-ayun-pa", report.period().from(), report.period().to());
        say("report.received", report.receivedNew(), report.receivedOnline(), report.receivedCounter(),
                report.receivedPost(), report.carriedOver());
        say("report.resolved", report.resolved(), report.resolvedEarly(), report.resolvedOnTime(), report.resolvedLate());
        say("report.inProgress", report.inProgressNotYetDue(), report.inProgressOverdue(), report.waitingForSupplement());
        say("report.closed", report.returned(), report.withdrawn(), report.refused(), report.stopped());
        say("report.rates", report.onTimeRate().map(r -> r + "%").orElse(text("report.noRate")),
                report.onlineRate().map(r -> r + "%").orElse(text("report.noRate")));
    }

    private void say(String key, Object... args) {
        out.println(text(key, args));
    }

    private String text(String key, Object... args) {
        return DomainMessages.format(locale, key, args);
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.ZONE).toInstant();
    }

    private static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, WorkingCalendar.ZONE);
    }

    private static java.time.LocalDate day(Instant instant) {
        return local(instant).toLocalDate();
    }
}
