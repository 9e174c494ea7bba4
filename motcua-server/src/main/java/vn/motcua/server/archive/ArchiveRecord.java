package vn.motcua.server.archive;

import java.time.Instant;
import java.time.LocalDate;

/** The file-level metadata of an archived dossier (DOMAIN.md §10). {@code retentionYears} null: permanent. */
public record ArchiveRecord(long dossierId, String fileCode, String title, Integer retentionYears, String accessLevel,
                            String language, LocalDate startDate, LocalDate endDate, String keywords, int documentCount,
                            Integer pageCount, String paperFileCode, String notes, Instant filedAt, String filedBy,
                            LocalDate disposalDate, Instant disposedAt, String disposedBy, String disposalNote) {

    /** What an archivist may change after filing. */
    public record Changes(String accessLevel, String keywords, Integer pageCount, String paperFileCode, String notes) {
    }

    public record Disposal(String note) {
    }
}
