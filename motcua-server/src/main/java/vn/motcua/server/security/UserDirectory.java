package vn.motcua.server.security;

import vn.motcua.domain.office.Role;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Local accounts in PostgreSQL, with lockout after repeated failed logins. */
@Service
public class UserDirectory implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final int maxFailedLogins;
    private final Duration lockout;

    public UserDirectory(JdbcClient jdbc, PasswordEncoder passwords,
                         @Value("${motcua.security.max-failed-logins:5}") int maxFailedLogins,
                         @Value("${motcua.security.lockout-minutes:15}") int lockoutMinutes) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.maxFailedLogins = maxFailedLogins;
        this.lockout = Duration.ofMinutes(lockoutMinutes);
    }

    @Override
    public DeskUser loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    /** One read (the roles aggregated in the same query): the security chain calls it on every signed-in request. */
    public Optional<DeskUser> find(String username) {
        return jdbc.sql("""
                        select u.username, u.password_hash, u.display_name, u.office_id, u.enabled, u.locked_until,
                          (select string_agg(r.role, ',') from app_user_role r where r.username = u.username)
                        from app_user u where u.username = ?""")
                .param(username)
                .query((rs, i) -> new DeskUser(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        roles(rs.getString(7)), rs.getBoolean(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .optional();
    }

    private static Set<Role> roles(String names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            for (String n : names.split(",")) {
                roles.add(Role.valueOf(n));
            }
        }
        return roles;
    }

    /** Creates the account if it does not exist; returns whether it was created. */
    @Transactional
    public boolean createIfAbsent(String username, String rawPassword, String displayName, String officeId, Set<Role> roles) {
        int inserted = jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, office_id) values (?, ?, ?, ?)
                        on conflict (username) do nothing""")
                .params(username, passwords.encode(rawPassword), displayName, officeId)
                .update();
        if (inserted == 1) {
            roles.forEach(r -> jdbc.sql("insert into app_user_role (username, role) values (?, ?)")
                    .params(username, r.name()).update());
        }
        return inserted == 1;
    }

    @EventListener
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        jdbc.sql("""
                        update app_user set failed_logins = failed_logins + 1,
                          locked_until = case when failed_logins + 1 >= :max then :until else locked_until end
                        where username = :u""")
                .param("max", maxFailedLogins)
                .param("until", Timestamp.from(Instant.now().plus(lockout)))
                .param("u", username)
                .update();
    }

    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof DeskUser user) {
            jdbc.sql("update app_user set failed_logins = 0, locked_until = null where username = ?")
                    .param(user.username()).update();
        }
    }
}
