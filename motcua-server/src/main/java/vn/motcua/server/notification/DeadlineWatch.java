package vn.motcua.server.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.domain.dossier.DossierState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Periodically tells the holding office about open dossiers that fall due within {@code motcua.deadlines.due-soon}
 * (DUE_SOON) or are past their due date (OVERDUE). Each notice is queued once per dossier and due date, so a new
 * appointment (Form 04) can raise new notices. A dossier whose clock is stopped is judged when the clock stopped.
 */
@Component
public class DeadlineWatch {

    private final JdbcClient jdbc;
    private final Notifier notifier;
    private final Clock clock;
    private final Duration dueSoon;

    public DeadlineWatch(JdbcClient jdbc, Notifier notifier, Clock clock,
                         @Value("${motcua.deadlines.due-soon:P1D}") Duration dueSoon) {
        this.jdbc = jdbc;
        this.notifier = notifier;
        this.clock = clock;
        this.dueSoon = dueSoon;
    }

    @Scheduled(fixedDelayString = "${motcua.deadlines.check-interval:PT5M}", initialDelayString = "PT1M")
    public void check() {
        Instant now = clock.instant();
        String[] open = Arrays.stream(DossierState.values()).filter(s -> !s.isFinal()).map(Enum::name)
                .toArray(String[]::new);
        jdbc.sql("""
                        select code, current_office, due_at, coalesce(pause_since, :now) as judged_at from dossier
                        where state = any(:open) and due_at is not null and due_at < :horizon""")
                .param("open", open)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("horizon", now.plus(dueSoon).atOffset(ZoneOffset.UTC))
                .query((rs, i) -> {
                    Instant due = rs.getObject("due_at", OffsetDateTime.class).toInstant();
                    Instant judged = rs.getObject("judged_at", OffsetDateTime.class).toInstant();
                    Notifier.Kind kind = judged.isAfter(due) ? Notifier.Kind.OVERDUE : Notifier.Kind.DUE_SOON;
                    return new Object[]{kind, rs.getString("code"), rs.getString("current_office"), due.toString()};
                })
                .list()
                .forEach(r -> notifier.notify((Notifier.Kind) r[0], (String) r[1], (String) r[2], (String) r[3]));
    }
}
