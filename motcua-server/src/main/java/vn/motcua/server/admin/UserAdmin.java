package vn.motcua.server.admin;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.domain.office.Office;
import vn.motcua.domain.office.OfficeDirectory;
import vn.motcua.domain.office.Role;
import vn.motcua.server.audit.AuditLog;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.server.office.LiveCatalogue;
import vn.motcua.server.security.DeskUser;
import vn.motcua.server.security.PasswordPolicy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Local accounts for administrators (embedded mode): list, create, change office and roles, disable and enable, unlock,
 * reset the password. Every change is audited with the administrator, the action and the target user; passwords and
 * hashes never reach the audit or the logs. In the Alfresco mode accounts come from Alfresco: listing only.
 * Changes apply on the user's next request (the security chain re-reads the account on every request).
 */
@Service
public class UserAdmin {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9.-]{3,64}");
    private static final int MAX_DISPLAY_NAME = 200;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final LiveCatalogue catalogue;
    private final AuditLog audit;
    private final Clock clock;
    private final boolean external;

    @Autowired
    public UserAdmin(JdbcClient jdbc, PasswordEncoder passwords, PasswordPolicy policy, LiveCatalogue catalogue,
                     AuditLog audit, Clock clock, @Value("${motcua.store:embedded}") String store) {
        this(jdbc, passwords, policy, catalogue, audit, clock, "alfresco".equals(store));
    }

    UserAdmin(JdbcClient jdbc, PasswordEncoder passwords, PasswordPolicy policy, LiveCatalogue catalogue,
              AuditLog audit, Clock clock, boolean external) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.policy = policy;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
        this.external = external;
    }

    /** An account as administrators see it (never the password hash). */
    public record Account(String username, String displayName, String officeId, Set<Role> roles, boolean enabled,
                          Instant lockedUntil, boolean locked, int failedLogins) {
    }

    /** A new account; {@code password} is the initial password, checked by the password policy. */
    public record NewAccount(String username, String displayName, String officeId, Collection<String> roles,
                             String password) {
    }

    /** The office and roles (and optionally a new display name) of an existing account. */
    public record Assignment(String displayName, String officeId, Collection<String> roles) {
    }

    /** True when accounts come from Alfresco and this page only lists them. */
    public boolean external() {
        return external;
    }

    public int passwordMinLength() {
        return policy.minLength();
    }

    /** Accounts, optionally of one office and matching a search in the username or the display name. */
    public List<Account> list(DeskUser admin, String officeId, String search) {
        AdminCalendar.admin(admin);
        String office = officeId == null || officeId.isBlank() ? null : officeId.strip();
        String q = search == null || search.isBlank() ? null
                : "%" + search.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%";
        return jdbc.sql("""
                        select u.username, u.display_name, u.office_id, u.enabled, u.locked_until, u.failed_logins,
                          coalesce((select string_agg(r.role, ',') from app_user_role r where r.username = u.username), '')
                        from app_user u
                        where u.office_id = any(cast(:scope as text[]))
                          and (cast(:office as text) is null or u.office_id = :office)
                          and (cast(:q as text) is null or lower(u.username) like :q or lower(u.display_name) like :q)
                        order by u.office_id, u.username""")
                .param("scope", scope(admin).toArray(String[]::new))
                .param("office", office)
                .param("q", q)
                .query((rs, i) -> account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getTimestamp(5), rs.getInt(6), rs.getString(7)))
                .list();
    }

    public Account get(DeskUser admin, String username) {
        AdminCalendar.admin(admin);
        return find(admin, username);
    }

    @Transactional
    public Account create(DeskUser admin, NewAccount account) {
        writable(admin);
        if (account == null) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "error.request.invalid");
        }
        String username = account.username() == null ? "" : account.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "admin.users.error.username");
        }
        String name = displayName(account.displayName());
        String office = office(admin, account.officeId());
        Set<Role> roles = roles(account.roles());
        policy.check(username, account.password());
        int inserted = jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, office_id) values (?, ?, ?, ?)
                        on conflict (username) do nothing""")
                .params(username, passwords.encode(account.password()), name, office)
                .update();
        if (inserted == 0) {
            throw new DeskException(HttpStatus.CONFLICT, "admin.users.error.duplicate", username);
        }
        storeRoles(username, roles);
        audit.record(admin.username(), "admin.user.create", target(username), assignment(office, roles));
        return find(username);
    }

    @Transactional
    public Account assign(DeskUser admin, String username, Assignment assignment) {
        writable(admin);
        Account before = find(admin, username);
        if (assignment == null) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "error.request.invalid");
        }
        String office = office(admin, assignment.officeId());
        Set<Role> roles = roles(assignment.roles());
        if (admin.username().equals(username) && !roles.contains(Role.ADMIN)) {
            throw new DeskException(HttpStatus.CONFLICT, "admin.users.error.selfAdmin");
        }
        String name = assignment.displayName() == null || assignment.displayName().isBlank() ? before.displayName()
                : displayName(assignment.displayName());
        jdbc.sql("update app_user set office_id = ?, display_name = ? where username = ?")
                .params(office, name, username).update();
        jdbc.sql("delete from app_user_role where username = ?").param(username).update();
        storeRoles(username, roles);
        audit.record(admin.username(), "admin.user.assign", target(username),
                assignment(before.officeId(), before.roles()) + " -> " + assignment(office, roles));
        return find(username);
    }

    @Transactional
    public Account enable(DeskUser admin, String username, boolean enabled) {
        writable(admin);
        find(admin, username);
        if (!enabled && admin.username().equals(username)) {
            throw new DeskException(HttpStatus.CONFLICT, "admin.users.error.selfDisable");
        }
        jdbc.sql("update app_user set enabled = ? where username = ?").params(enabled, username).update();
        audit.record(admin.username(), enabled ? "admin.user.enable" : "admin.user.disable", target(username), null);
        return find(username);
    }

    @Transactional
    public Account unlock(DeskUser admin, String username) {
        writable(admin);
        find(admin, username);
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null where username = ?").param(username).update();
        audit.record(admin.username(), "admin.user.unlock", target(username), null);
        return find(username);
    }

    @Transactional
    public void resetPassword(DeskUser admin, String username, String password) {
        writable(admin);
        find(admin, username);
        policy.check(username, password);
        jdbc.sql("update app_user set password_hash = ? where username = ?")
                .params(passwords.encode(password), username).update();
        audit.record(admin.username(), "admin.user.password", target(username), null);
    }

    /** Offices an account of this administrator may belong to: their own and those below it, valid today. */
    public List<Office> assignableOffices(DeskUser admin) {
        LocalDate today = clock.instant().atZone(WorkingCalendar.ZONE).toLocalDate();
        Set<String> scope = scope(admin);
        return catalogue.offices().validOn(today).stream().filter(o -> scope.contains(o.id())).toList();
    }

    /** Every office (closed ones included) whose accounts this administrator sees. */
    public List<Office> visibleOffices(DeskUser admin) {
        Set<String> scope = scope(admin);
        return catalogue.offices().all().stream().filter(o -> scope.contains(o.id())).toList();
    }

    /**
     * An administrator manages the accounts of their own office and of the offices below it: a commune's administrator
     * can neither see nor create the province's accounts.
     */
    private Set<String> scope(DeskUser admin) {
        OfficeDirectory offices = catalogue.offices();
        return offices.byId(admin.officeId()).stream().flatMap(o -> offices.withDescendants(o).stream())
                .map(Office::id).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The account, or "not found" (as for an unknown name) when it belongs to an office outside the scope. */
    private Account find(DeskUser admin, String username) {
        Account account = find(username);
        if (!scope(admin).contains(account.officeId())) {
            throw new DeskException(HttpStatus.NOT_FOUND, "admin.users.error.notFound", username);
        }
        return account;
    }

    private void writable(DeskUser admin) {
        AdminCalendar.admin(admin);
        if (external) {
            throw new DeskException(HttpStatus.CONFLICT, "admin.users.error.external");
        }
    }

    private Account find(String username) {
        return jdbc.sql("""
                        select u.username, u.display_name, u.office_id, u.enabled, u.locked_until, u.failed_logins,
                          coalesce((select string_agg(r.role, ',') from app_user_role r where r.username = u.username), '')
                        from app_user u where u.username = ?""")
                .param(username == null ? "" : username)
                .query((rs, i) -> account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getTimestamp(5), rs.getInt(6), rs.getString(7)))
                .optional()
                .orElseThrow(() -> new DeskException(HttpStatus.NOT_FOUND, "admin.users.error.notFound",
                        String.valueOf(username)));
    }

    private Account account(String username, String name, String office, boolean enabled, Timestamp lockedUntil,
                            int failed, String roleList) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(roleList.split(",")).filter(r -> !r.isEmpty()).forEach(r -> roles.add(Role.valueOf(r)));
        Instant until = lockedUntil == null ? null : lockedUntil.toInstant();
        return new Account(username, name, office, roles, enabled, until,
                until != null && until.isAfter(clock.instant()), failed);
    }

    private static String displayName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_DISPLAY_NAME || n.chars().anyMatch(Character::isISOControl)) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "admin.users.error.displayName", MAX_DISPLAY_NAME);
        }
        return n;
    }

    private String office(DeskUser admin, String officeId) {
        String id = officeId == null ? "" : officeId.strip();
        Office office = catalogue.offices().byId(id)
                .orElseThrow(() -> new DeskException(HttpStatus.BAD_REQUEST, "admin.users.error.office", id));
        if (!office.isValidOn(clock.instant().atZone(WorkingCalendar.ZONE).toLocalDate())) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "admin.users.error.officeInvalid", id);
        }
        if (!scope(admin).contains(id)) {
            throw new DeskException(HttpStatus.FORBIDDEN, "admin.users.error.officeScope", id);
        }
        return id;
    }

    /**
     * One or more known roles. ADMIN stands alone: an administrator changes the calendar, procedures and accounts, so
     * the same account must not also take part in dossiers (separation of duties).
     */
    private static Set<Role> roles(Collection<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String n : names == null ? List.<String>of() : names) {
            if (n == null || n.isBlank()) {
                continue;
            }
            try {
                roles.add(Role.valueOf(n.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new DeskException(HttpStatus.BAD_REQUEST, "admin.users.error.role", n.strip());
            }
        }
        if (roles.isEmpty()) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "admin.users.error.noRole");
        }
        if (roles.contains(Role.ADMIN) && roles.size() > 1) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "admin.users.error.adminAlone");
        }
        return roles;
    }

    private void storeRoles(String username, Set<Role> roles) {
        roles.forEach(r -> jdbc.sql("insert into app_user_role (username, role) values (?, ?)")
                .params(username, r.name()).update());
    }

    private static String target(String username) {
        return "user:" + username;
    }

    /** Audit detail: office and roles only (no display name: officers' names stay out of the audit). */
    private static String assignment(String office, Set<Role> roles) {
        return "office=" + office + " roles=" + new TreeSet<>(roles.stream().map(Role::name).toList());
    }
}
