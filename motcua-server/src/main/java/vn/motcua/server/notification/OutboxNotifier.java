package vn.motcua.server.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** Notices go to the {@code notification_outbox} table (in the caller's transaction) and to the log. */
@Component
public class OutboxNotifier implements Notifier {

    private static final Logger log = LoggerFactory.getLogger(OutboxNotifier.class);
    private final JdbcClient jdbc;

    public OutboxNotifier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void notify(Kind kind, String dossierCode, String officeId, String detail) {
        int queued = jdbc.sql("""
                        insert into notification_outbox (kind, dossier_code, office_id, payload) values (?, ?, ?, ?)
                        on conflict (kind, dossier_code, payload) do nothing""")
                .params(kind.name(), dossierCode, officeId, detail)
                .update();
        if (queued == 1) {
            log.info("Notification {} for dossier {} (office {}): {}", kind, dossierCode, officeId, detail);
        }
    }

    public List<Notice> pending(String dossierCode) {
        return jdbc.sql("select kind, dossier_code, office_id, payload from notification_outbox where dossier_code = ? order by id")
                .param(dossierCode)
                .query((rs, i) -> new Notice(Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    public record Notice(Kind kind, String dossierCode, String officeId, String detail) {
    }
}
