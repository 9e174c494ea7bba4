package vn.motcua.server;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import vn.motcua.domain.calendar.WorkingCalendar;

@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    /** Not a component: the benchmark's application context must not pick up test helpers. */
    @Bean
    Desk desk(org.springframework.test.web.servlet.MockMvc mvc, vn.motcua.server.security.UserDirectory users) {
        return new Desk(mvc, users);
    }

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock(WorkingCalendar.ZONE);
    }
}
