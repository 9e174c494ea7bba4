package vn.motcua.server.alfresco;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.domain.office.Role;
import vn.motcua.server.office.LiveCatalogue;
import vn.motcua.server.security.DeskUser;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In the Alfresco mode officers sign in with their Alfresco account: the password goes to Alfresco's ticket API (the server
 * never stores it), and the groups {@code GROUP_MC_<office>_<ROLE>} the user belongs to give the office and the roles. One
 * office per user: belonging to several offices' groups is refused as ambiguous. The ticket is kept in memory for delegated
 * calls ({@link #credentialsOfCurrentUser()}), so Alfresco's own permissions apply to what the officer does there. The user
 * row is mirrored in {@code app_user} (with an unusable password) because dossier rows and the audit refer to usernames.
 */
public class AlfrescoLogin implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(AlfrescoLogin.class);

    private final AlfrescoClient alfresco;
    private final LiveCatalogue catalogue;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Map<String, String> tickets = new ConcurrentHashMap<>();

    public AlfrescoLogin(AlfrescoClient alfresco, LiveCatalogue catalogue, JdbcClient jdbc, TransactionTemplate tx) {
        this.alfresco = alfresco;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        String ticket;
        try {
            ticket = alfresco.login(username, password);
        } catch (AlfrescoException e) {
            if (e.status() == 403 || e.status() == 401 || e.status() == 400) {
                throw new BadCredentialsException("login.failed");
            }
            throw new AuthenticationServiceException("alfresco.unavailable", e);
        } catch (RuntimeException e) {
            throw new AuthenticationServiceException("alfresco.unavailable", e);
        }
        DeskUser user = userOf(username, alfresco.myGroups(new AlfrescoClient.Ticket(ticket)));
        tx.executeWithoutResult(status -> mirror(user));
        tickets.put(username, ticket);
        log.info("Alfresco login of {} for office {} as {}", username, user.officeId(), user.roles());
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    /** The office and roles the Alfresco groups give; refused when there is no office or more than one. */
    DeskUser userOf(String username, Iterable<String> groups) {
        Set<String> officeIds = new TreeSet<>();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : groups) {
            OfficeSites.parseGroup(group).filter(g -> catalogue.offices().byId(g.getKey()).isPresent()).ifPresent(g -> {
                officeIds.add(g.getKey());
                roles.add(g.getValue());
            });
        }
        if (officeIds.size() != 1 || roles.isEmpty()) {
            throw new DisabledException(officeIds.isEmpty() ? "login.noOffice" : "login.severalOffices");
        }
        return new DeskUser(username, "", username, officeIds.iterator().next(), roles, true, null);
    }

    private void mirror(DeskUser user) {
        jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, office_id) values (?, ?, ?, ?)
                        on conflict (username) do update set office_id = excluded.office_id""")
                // Not a hash of anything: local password login cannot succeed for an Alfresco user.
                .params(user.username(), "{noop}!" + UUID.randomUUID(), user.displayName(), user.officeId())
                .update();
        jdbc.sql("delete from app_user_role where username = ?").param(user.username()).update();
        user.roles().forEach(r -> jdbc.sql("insert into app_user_role (username, role) values (?, ?)")
                .params(user.username(), r.name()).update());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The signed-in officer's ticket, when the current request has one. */
    public Optional<AlfrescoClient.Credentials> credentialsOfCurrentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof DeskUser user)) {
            return Optional.empty();
        }
        return Optional.ofNullable(tickets.get(user.username())).map(AlfrescoClient.Ticket::new);
    }
}
