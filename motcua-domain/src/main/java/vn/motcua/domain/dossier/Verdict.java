package vn.motcua.domain.dossier;

import java.time.Instant;
import vn.motcua.domain.Labelled;
import vn.motcua.domain.calendar.WorkingCalendar;

/**
 * How a step or a dossier finished against its deadline: LATE after the deadline; EARLY on a day (Vietnam time) before the
 * deadline's day; ON_TIME otherwise (on the deadline's day, not after it).
 */
public enum Verdict implements Labelled {
    EARLY, ON_TIME, LATE;

    public static Verdict judge(Instant done, Instant deadline) {
        if (done.isAfter(deadline)) {
            return LATE;
        }
        return done.atZone(WorkingCalendar.ZONE).toLocalDate().isBefore(deadline.atZone(WorkingCalendar.ZONE).toLocalDate())
                ? EARLY : ON_TIME;
    }

    @Override
    public String labelKey() {
        return "verdict." + name();
    }
}
