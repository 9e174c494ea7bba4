package vn.motcua.server.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.server.security.DeskUser;

import java.util.List;
import java.util.Map;

/** Local accounts for administrators (embedded mode; read-only when accounts come from Alfresco). */
@RestController
@RequestMapping("/api/admin/users")
@Tag(name = "admin")
public class UserAdminApi {

    private final UserAdmin users;

    public UserAdminApi(UserAdmin users) {
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "Accounts with office, roles, enabled, lockout and failed logins; filter by office, search by "
            + "username or display name")
    public List<UserAdmin.Account> list(@AuthenticationPrincipal DeskUser admin,
                                        @RequestParam(required = false) String office,
                                        @RequestParam(required = false) String q) {
        return users.list(admin, office, q);
    }

    @GetMapping("/{username}")
    @Operation(summary = "One account")
    public UserAdmin.Account get(@AuthenticationPrincipal DeskUser admin, @PathVariable String username) {
        return users.get(admin, username);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an account (username: a-z 0-9 . -, 3-64 characters; an office valid today; one or more "
            + "roles, ADMIN alone; the initial password meets the password policy); 409 if the username exists; audited")
    public UserAdmin.Account create(@AuthenticationPrincipal DeskUser admin, @RequestBody UserAdmin.NewAccount account) {
        return users.create(admin, account);
    }

    @PutMapping("/{username}")
    @Operation(summary = "Change the office and roles (and optionally the display name); applies on the user's next "
            + "request; an administrator cannot drop their own ADMIN role; audited")
    public UserAdmin.Account assign(@AuthenticationPrincipal DeskUser admin, @PathVariable String username,
                                    @RequestBody UserAdmin.Assignment assignment) {
        return users.assign(admin, username, assignment);
    }

    @PostMapping("/{username}/disable")
    @Operation(summary = "Disable: no login, and the user's open sessions end on their next request; not yourself; audited")
    public UserAdmin.Account disable(@AuthenticationPrincipal DeskUser admin, @PathVariable String username) {
        return users.enable(admin, username, false);
    }

    @PostMapping("/{username}/enable")
    @Operation(summary = "Enable again; audited")
    public UserAdmin.Account enable(@AuthenticationPrincipal DeskUser admin, @PathVariable String username) {
        return users.enable(admin, username, true);
    }

    @PostMapping("/{username}/unlock")
    @Operation(summary = "Clear the lockout and the failed-login count; audited")
    public UserAdmin.Account unlock(@AuthenticationPrincipal DeskUser admin, @PathVariable String username) {
        return users.unlock(admin, username);
    }

    @PutMapping("/{username}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a new password (body {\"password\": ...}, checked by the password policy); audited without it")
    public void password(@AuthenticationPrincipal DeskUser admin, @PathVariable String username,
                         @RequestBody Map<String, String> body) {
        users.resetPassword(admin, username, body.get("password"));
    }
}
