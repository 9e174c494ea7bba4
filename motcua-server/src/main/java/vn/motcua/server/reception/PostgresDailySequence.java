package vn.motcua.server.reception;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.domain.code.DailySequence;
import vn.motcua.domain.code.DossierCode;
import vn.motcua.domain.code.SequenceExhaustedException;
import vn.motcua.domain.office.AgencyCode;

import java.time.LocalDate;

/**
 * The day's dossier numbers per agency, in PostgreSQL. The upsert takes the row lock until the reception transaction ends,
 * so two receptions of the same agency and day are serialised on that row only: numbers are unique and follow commit order,
 * and a reception that rolls back gives its number back (the next one reuses it, so users never see a gap from a failure).
 */
@Component
public class PostgresDailySequence implements DailySequence {

    private final JdbcClient jdbc;

    public PostgresDailySequence(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Must run inside the reception transaction: the number is only taken for good when that transaction commits. */
    @Transactional(propagation = Propagation.MANDATORY)
    @Override
    public int next(AgencyCode agency, LocalDate day) {
        int n = jdbc.sql("""
                        insert into daily_sequence (agency_code, day, n) values (:agency, :day, 1)
                        on conflict (agency_code, day) do update set n = daily_sequence.n + 1
                        returning n""")
                .param("agency", agency.value())
                .param("day", day)
                .query(Integer.class)
                .single();
        if (n > DossierCode.MAX_SEQUENCE) {
            throw new SequenceExhaustedException(agency, day);
        }
        return n;
    }
}
