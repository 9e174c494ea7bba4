package vn.motcua.server.office;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.domain.office.OfficeDirectory;
import vn.motcua.domain.procedure.ProcedureCatalogue;

import vn.motcua.domain.dossier.DossierLifecycle;

import java.time.Clock;
import java.time.Duration;

/** The domain engine's data: the shipped office directory, procedure catalogue and Vietnamese working calendar. */
@Configuration(proxyBeanMethods = false)
public class DomainConfiguration {

    @Bean
    OfficeDirectory officeDirectory() {
        return OfficeDirectory.shipped();
    }

    @Bean
    ProcedureCatalogue procedureCatalogue() {
        return ProcedureCatalogue.shipped();
    }

    @Bean
    WorkingCalendar workingCalendar() {
        return WorkingCalendar.vietnam();
    }

    @Bean
    DossierLifecycle dossierLifecycle(WorkingCalendar calendar, OfficeDirectory offices) {
        return new DossierLifecycle(calendar, offices);
    }

    /** Microsecond ticks: what PostgreSQL keeps, so a dossier read back equals the one saved. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.system(WorkingCalendar.ZONE), Duration.ofNanos(1000));
    }
}
