package vn.motcua.server.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.motcua.domain.office.Office;
import vn.motcua.domain.office.Role;
import vn.motcua.server.office.LiveCatalogue;
import vn.motcua.server.security.UserDirectory;

import java.util.Locale;
import java.util.Set;

/**
 * The demo profile: one account per role and office of the shipped directory ({@code <office id>.<role>}, e.g.
 * {@code doan-ket.reception}), all with the configured demo password, and the list printed at start so a newcomer can log in.
 */
@Component
@Profile("demo")
@Order(10)
public class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final LiveCatalogue catalogue;
    private final UserDirectory users;
    private final String password;

    public DemoData(LiveCatalogue catalogue, UserDirectory users, @Value("${motcua.demo.password}") String password) {
        this.catalogue = catalogue;
        this.users = users;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        StringBuilder banner = new StringBuilder("\n\nMotCua demo accounts (password: ").append(password).append(")\n");
        for (Office office : catalogue.offices().all()) {
            banner.append("  ").append(office.nameVi()).append(" [").append(office.id()).append("]: ");
            for (Role role : Role.values()) {
                String username = username(office.id(), role);
                users.createIfAbsent(username, password, role.name().toLowerCase(Locale.ROOT) + " @ " + office.nameVi(),
                        office.id(), Set.of(role));
                banner.append(username).append("  ");
            }
            banner.append('\n');
        }
        banner.append("Open http://localhost:8080 and sign in.\n");
        log.info(banner.toString());
    }

    public static String username(String officeId, Role role) {
        return officeId + "." + role.name().toLowerCase(Locale.ROOT);
    }
}
