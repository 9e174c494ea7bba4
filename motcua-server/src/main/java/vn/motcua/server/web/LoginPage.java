package vn.motcua.server.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import vn.motcua.server.security.DeskUser;

/** The login page; signed-in users go straight to their worklist. */
@Controller
public class LoginPage {

    @GetMapping("/login")
    public String login(@AuthenticationPrincipal DeskUser user) {
        return user == null ? "login" : "redirect:/";
    }
}
