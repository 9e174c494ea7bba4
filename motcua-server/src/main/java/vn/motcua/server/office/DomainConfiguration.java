package vn.motcua.server.office;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.domain.calendar.WorkingCalendar;

import java.time.Clock;
import java.time.Duration;

/**
 * The domain engine's shipped Vietnamese working calendar and the clock. The office directory and procedure catalogue in
 * force come from {@link LiveCatalogue}, the calendar and lifecycle in force from {@code LiveCalendar}.
 */
@Configuration(proxyBeanMethods = false)
public class DomainConfiguration {

    @Bean
    WorkingCalendar workingCalendar() {
        return WorkingCalendar.vietnam();
    }

    /** Microsecond ticks: what PostgreSQL keeps, so a dossier read back equals the one saved. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.system(WorkingCalendar.ZONE), Duration.ofNanos(1000));
    }
}
