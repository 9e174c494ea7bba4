package vn.motcua.server.admin;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.domain.office.Role;
import vn.motcua.server.security.DeskUser;
import vn.motcua.server.web.ApiErrors;

import java.util.List;
import java.util.Locale;

/** The accounts page: list with filters, create form, and per-account office/roles, enable, unlock, new password. */
@Controller
public class UserAdminPage {

    private final UserAdmin users;
    private final ApiErrors errors;

    public UserAdminPage(UserAdmin users, ApiErrors errors) {
        this.users = users;
        this.errors = errors;
    }

    @GetMapping("/admin/users")
    public String page(@AuthenticationPrincipal DeskUser admin, @RequestParam(required = false) String office,
                       @RequestParam(required = false) String q, Model model) {
        model.addAttribute("accounts", users.list(admin, office, q));
        model.addAttribute("external", users.external());
        model.addAttribute("allOffices", users.visibleOffices(admin));
        model.addAttribute("assignable", users.assignableOffices(admin));
        model.addAttribute("roles", Role.values());
        model.addAttribute("minLength", users.passwordMinLength());
        model.addAttribute("office", office);
        model.addAttribute("q", q);
        model.addAttribute("me", admin.username());
        return "admin-users";
    }

    @PostMapping("/admin/users")
    public String create(@AuthenticationPrincipal DeskUser admin, @RequestParam String username,
                         @RequestParam String displayName, @RequestParam String officeId,
                         @RequestParam(required = false) List<String> roles, @RequestParam String password,
                         RedirectAttributes redirect, Locale locale) {
        String page = change(() -> users.create(admin, new UserAdmin.NewAccount(username, displayName, officeId, roles,
                password)), redirect, locale);
        if (redirect.getFlashAttributes().containsKey("error")) {
            // The form comes back filled in, except the password.
            redirect.addFlashAttribute("draft", new UserAdmin.NewAccount(username, displayName, officeId,
                    roles == null ? List.of() : roles, null));
        }
        return page;
    }

    @PostMapping("/admin/users/{username}/assign")
    public String assign(@AuthenticationPrincipal DeskUser admin, @PathVariable String username,
                         @RequestParam(required = false) String displayName, @RequestParam String officeId,
                         @RequestParam(required = false) List<String> roles, RedirectAttributes redirect, Locale locale) {
        return change(() -> users.assign(admin, username, new UserAdmin.Assignment(displayName, officeId, roles)),
                redirect, locale);
    }

    @PostMapping("/admin/users/{username}/enable")
    public String enable(@AuthenticationPrincipal DeskUser admin, @PathVariable String username,
                         @RequestParam boolean enabled, RedirectAttributes redirect, Locale locale) {
        return change(() -> users.enable(admin, username, enabled), redirect, locale);
    }

    @PostMapping("/admin/users/{username}/unlock")
    public String unlock(@AuthenticationPrincipal DeskUser admin, @PathVariable String username,
                         RedirectAttributes redirect, Locale locale) {
        return change(() -> users.unlock(admin, username), redirect, locale);
    }

    @PostMapping("/admin/users/{username}/password")
    public String password(@AuthenticationPrincipal DeskUser admin, @PathVariable String username,
                           @RequestParam String password, RedirectAttributes redirect, Locale locale) {
        return change(() -> users.resetPassword(admin, username, password), redirect, locale);
    }

    private String change(Runnable action, RedirectAttributes redirect, Locale locale) {
        errors.flash(action, redirect, locale);
        return "redirect:/admin/users";
    }
}
