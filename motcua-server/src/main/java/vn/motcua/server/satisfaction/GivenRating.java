package vn.motcua.server.satisfaction;

import java.time.Instant;

/**
 * A dossier's rating as stored. The comment is for the office only: never shown on a public page.
 *
 * @param channel    ONLINE (the public lookup page) or COUNTER (recorded by the reception officer)
 * @param recordedBy the officer's user name for COUNTER, null for ONLINE
 */
public record GivenRating(long dossierId, String officeId, Rating rating, String comment, String channel, Instant ratedAt,
                          String recordedBy) {
}
