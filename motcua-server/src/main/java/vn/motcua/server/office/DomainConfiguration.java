package vn.motcua.server.office;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.domain.office.OfficeDirectory;
import vn.motcua.domain.procedure.ProcedureCatalogue;

import java.time.Clock;

/** The domain engine's data: the shipped office directory, procedure catalogue and Vietnamese working calendar. */
@Configuration(proxyBeanMethods = false)
public class DomainConfiguration {

    @Bean
    OfficeDirectory officeDirectory() {
        return OfficeDirectory.shipped();
    }

    @Bean
    @org.springframework.context.annotation.Lazy
    ProcedureCatalogue procedureCatalogue() {
        return ProcedureCatalogue.shipped();
    }

    @Bean
    WorkingCalendar workingCalendar() {
        return WorkingCalendar.vietnam();
    }

    @Bean
    Clock clock() {
        return Clock.system(WorkingCalendar.ZONE);
    }
}
