package vn.motcua.server.archive;

import java.time.Instant;

/**
 * One dossier found in the archive. The applicant's ID number is only ever carried masked; {@code snippetHtml} is escaped
 * document text with the matched words in {@code <mark>}.
 */
public record ArchiveHit(long id, String code, String procedureCode, String procedureName, String field,
                         String applicantName, String idNumberMasked, String channel, String state,
                         String receivingOffice, String currentOffice, Instant receivedAt, Instant dueAt,
                         Instant resolvedAt, String verdict, double score, String snippetHtml) {
}
