package vn.motcua.domain.code;

import java.time.LocalDate;
import vn.motcua.domain.DomainException;
import vn.motcua.domain.office.AgencyCode;

/** More than 9999 dossiers in a day for one agency: the code format has no room for them. */
public final class SequenceExhaustedException extends DomainException {

    public SequenceExhaustedException(AgencyCode agency, LocalDate day) {
        super("code.sequence.exhausted", agency.value(), day.toString(), DossierCode.MAX_SEQUENCE);
    }
}
