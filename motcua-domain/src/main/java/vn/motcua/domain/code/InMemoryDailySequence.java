package vn.motcua.domain.code;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.motcua.domain.office.AgencyCode;

/** A thread-safe {@link DailySequence} kept in memory (tests, demo); numbers are lost when the process ends. */
public final class InMemoryDailySequence implements DailySequence {

    private record Day(AgencyCode agency, LocalDate date) {
    }

    private final Map<Day, Integer> last = new ConcurrentHashMap<>();

    @Override
    public int next(AgencyCode agency, LocalDate day) {
        // compute() runs atomically per key; throwing inside it leaves the stored value untouched.
        return last.compute(new Day(agency, day), (k, n) -> {
            int current = n == null ? 0 : n;
            if (current >= DossierCode.MAX_SEQUENCE) {
                throw new SequenceExhaustedException(agency, day);
            }
            return current + 1;
        });
    }
}
