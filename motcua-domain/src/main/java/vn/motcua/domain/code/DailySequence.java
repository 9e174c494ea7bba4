package vn.motcua.domain.code;

import java.time.LocalDate;
import vn.motcua.domain.office.AgencyCode;

/**
 * The day's sequence of dossier numbers of one agency. Numbers never repeat for an agency and a day, whatever the
 * concurrency; the server implements it with one PostgreSQL row per agency and day, tests use
 * {@link InMemoryDailySequence}.
 */
public interface DailySequence {

    /**
     * The next number, 1 for the first dossier of the day.
     *
     * @throws SequenceExhaustedException when the day already has {@value DossierCode#MAX_SEQUENCE} dossiers
     */
    int next(AgencyCode agency, LocalDate day);

    /** The next dossier code of the agency for the day. */
    default DossierCode nextCode(AgencyCode agency, LocalDate day) {
        return new DossierCode(agency, day, next(agency, day));
    }
}
