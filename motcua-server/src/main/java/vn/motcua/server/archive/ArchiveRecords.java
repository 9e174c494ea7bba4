package vn.motcua.server.archive;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.domain.office.Role;
import vn.motcua.server.audit.AuditLog;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.server.security.DeskUser;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * File records of archived dossiers: reading, the archivist's metadata changes, the disposal list (records past their
 * retention) and disposal itself. Only archivists change anything; every change is audited; everything is office-scoped
 * like the search.
 */
@Service
public class ArchiveRecords {

    private static final Set<String> ACCESS_LEVELS = Set.of("PUBLIC", "INTERNAL", "RESTRICTED");
    private static final int MAX_TEXT = 2000;

    private final JdbcClient jdbc;
    private final ArchiveSearch search;
    private final AuditLog audit;
    private final Clock clock;

    public ArchiveRecords(JdbcClient jdbc, ArchiveSearch search, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.search = search;
        this.audit = audit;
        this.clock = clock;
    }

    public ArchiveRecord get(DeskUser user, long dossierId) {
        return find(ArchiveAccess.scope(user, search), dossierId).orElseThrow(ArchiveRecords::notFound);
    }

    /** Records past their retention and not yet disposed of, the longest overdue first. */
    public List<ArchiveRecord> disposalList(DeskUser user) {
        List<String> scope = ArchiveAccess.scope(user, search);
        return jdbc.sql(SELECT + " and r.disposed_at is null and r.disposal_date < :today order by r.disposal_date, r.dossier_id")
                .param("scope", scope.toArray(String[]::new)).param("today", today())
                .query((rs, i) -> row(rs)).list();
    }

    @Transactional
    public ArchiveRecord change(DeskUser user, long dossierId, ArchiveRecord.Changes c) {
        ArchiveRecord r = archivistsRecord(user, dossierId);
        if (c.accessLevel() != null && !ACCESS_LEVELS.contains(c.accessLevel())) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "archive.error.parameter", "accessLevel");
        }
        if (c.pageCount() != null && c.pageCount() < 0) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "archive.error.parameter", "pageCount");
        }
        for (String text : new String[]{c.keywords(), c.paperFileCode(), c.notes()}) {
            if (text != null && text.length() > MAX_TEXT) {
                throw new DeskException(HttpStatus.BAD_REQUEST, "archive.error.parameter", "text");
            }
        }
        jdbc.sql("""
                        update archive_record set access_level = coalesce(:access, access_level),
                          keywords = coalesce(:keywords, keywords), page_count = coalesce(:pages, page_count),
                          paper_file_code = coalesce(:paper, paper_file_code), notes = coalesce(:notes, notes)
                        where dossier_id = :id""")
                .param("access", c.accessLevel()).param("keywords", c.keywords()).param("pages", c.pageCount())
                .param("paper", c.paperFileCode()).param("notes", c.notes()).param("id", dossierId)
                .update();
        audit.record(user.username(), "archive.record.change", r.fileCode(), changed(c));
        return get(user, dossierId);
    }

    /** Disposes of a record past its retention (the decision's reference goes in the note); audited. */
    @Transactional
    public ArchiveRecord dispose(DeskUser user, long dossierId, String note) {
        ArchiveRecord r = archivistsRecord(user, dossierId);
        if (note == null || note.isBlank() || note.length() > MAX_TEXT) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "archive.error.disposalNote");
        }
        if (r.disposalDate() == null || !r.disposalDate().isBefore(today())) {
            throw new DeskException(HttpStatus.CONFLICT, "archive.error.notDue", r.fileCode());
        }
        int updated = jdbc.sql("""
                        update archive_record set disposed_at = :now, disposed_by = :user, disposal_note = :note
                        where dossier_id = :id and disposed_at is null""")
                .param("now", Timestamp.from(clock.instant())).param("user", user.username()).param("note", note.strip())
                .param("id", dossierId).update();
        if (updated == 0) {
            throw new DeskException(HttpStatus.CONFLICT, "archive.error.disposed", r.fileCode());
        }
        audit.record(user.username(), "archive.dispose", r.fileCode(), "retention=" + r.retentionYears()
                + " disposalDate=" + r.disposalDate());
        return get(user, dossierId);
    }

    private ArchiveRecord archivistsRecord(DeskUser user, long dossierId) {
        if (!user.has(Role.ARCHIVIST)) {
            throw new AccessDeniedException("archivist only");
        }
        ArchiveRecord r = get(user, dossierId);
        if (r.disposedAt() != null) {
            throw new DeskException(HttpStatus.CONFLICT, "archive.error.disposed", r.fileCode());
        }
        return r;
    }

    private Optional<ArchiveRecord> find(List<String> scope, long dossierId) {
        return jdbc.sql(SELECT + " and r.dossier_id = :id").param("scope", scope.toArray(String[]::new))
                .param("id", dossierId).query((rs, i) -> row(rs)).optional();
    }

    private static final String SELECT = """
            select r.* from archive_record r join dossier d on d.id = r.dossier_id
            where d.involved_offices && cast(:scope as text[])""";

    private LocalDate today() {
        return clock.instant().atZone(WorkingCalendar.ZONE).toLocalDate();
    }

    private static String changed(ArchiveRecord.Changes c) {
        StringBuilder b = new StringBuilder();
        if (c.accessLevel() != null) {
            b.append("accessLevel=").append(c.accessLevel()).append(' ');
        }
        if (c.keywords() != null) {
            b.append("keywords ");
        }
        if (c.pageCount() != null) {
            b.append("pageCount=").append(c.pageCount()).append(' ');
        }
        if (c.paperFileCode() != null) {
            b.append("paperFileCode ");
        }
        if (c.notes() != null) {
            b.append("notes");
        }
        return b.toString().strip();
    }

    private static DeskException notFound() {
        return new DeskException(HttpStatus.NOT_FOUND, "archive.error.noRecord");
    }

    private static ArchiveRecord row(ResultSet rs) throws SQLException {
        return new ArchiveRecord(rs.getLong("dossier_id"), rs.getString("file_code"), rs.getString("title"),
                (Integer) rs.getObject("retention_years"), rs.getString("access_level"), rs.getString("language"),
                rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                rs.getString("keywords"), rs.getInt("document_count"), (Integer) rs.getObject("page_count"),
                rs.getString("paper_file_code"), rs.getString("notes"), instant(rs, "filed_at"), rs.getString("filed_by"),
                rs.getObject("disposal_date", LocalDate.class), instant(rs, "disposed_at"), rs.getString("disposed_by"),
                rs.getString("disposal_note"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
