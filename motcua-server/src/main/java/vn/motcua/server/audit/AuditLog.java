package vn.motcua.server.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Who did what to which dossier or document, when. Rows are only ever inserted. Details never hold personal data (the
 * callers pass codes and ids, not names, ID numbers or phones).
 */
@Component
public class AuditLog {

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String actor, String action, String target, String detail) {
        jdbc.sql("insert into audit_log (actor, action, target, detail) values (?, ?, ?, ?)")
                .params(actor, action, target, detail)
                .update();
    }

    public List<Entry> forTarget(String target) {
        return jdbc.sql("select at, actor, action, target, detail from audit_log where target = ? order by id")
                .param(target)
                .query((rs, i) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .list();
    }

    public record Entry(java.time.Instant at, String actor, String action, String target, String detail) {
    }
}
