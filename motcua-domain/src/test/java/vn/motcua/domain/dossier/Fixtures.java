package vn.motcua.domain.dossier;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Set;
import vn.motcua.domain.OneStop;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.domain.code.InMemoryDailySequence;
import vn.motcua.domain.office.Actor;
import vn.motcua.domain.office.Role;
import vn.motcua.domain.procedure.Component;
import vn.motcua.domain.procedure.Procedure;

/** Shared test data: the shipped offices and procedures, Vietnam's calendar, actors and local times. */
public final class Fixtures {

    public static final OneStop ONE_STOP = OneStop.withExampleData(new InMemoryDailySequence());

    private Fixtures() {
    }

    /** A local date-time in Vietnam, e.g. {@code 2025-09-15T09:00}. */
    public static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.ZONE).toInstant();
    }

    public static Actor actor(Role role, String officeId) {
        return new Actor(role.name().toLowerCase() + "@" + officeId, role, officeId);
    }

    public static Set<String> allComponents(Procedure p) {
        return p.components().stream().map(Component::key).collect(java.util.stream.Collectors.toSet());
    }

    /** Receives and accepts a dossier of the procedure version in force, with every component. */
    public static Dossier accepted(String nationalCode, String officeId, Channel channel, Instant at) {
        Procedure p = ONE_STOP.procedures().versionOn(nationalCode, at.atZone(WorkingCalendar.ZONE).toLocalDate())
                .orElseThrow();
        return ONE_STOP.receive(new Reception(p, actor(Role.RECEPTION, officeId), channel, at, allComponents(p),
                Reception.Outcome.ACCEPT, ""));
    }
}
