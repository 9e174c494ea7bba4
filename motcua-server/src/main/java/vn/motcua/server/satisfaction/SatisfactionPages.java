package vn.motcua.server.satisfaction;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.server.security.DeskUser;

import java.util.Optional;

/** The reception officer records, on the dossier page, the rating a citizen gave at the counter with the result. */
@Controller
public class SatisfactionPages {

    private final Satisfaction satisfaction;
    private final MessageSource messages;

    public SatisfactionPages(Satisfaction satisfaction, MessageSource messages) {
        this.satisfaction = satisfaction;
        this.messages = messages;
    }

    @PostMapping("/dossiers/{id}/rating")
    public String record(@AuthenticationPrincipal DeskUser user, @PathVariable long id, @RequestParam Optional<String> rating,
                         @RequestParam Optional<String> comment, RedirectAttributes redirect) {
        try {
            satisfaction.recordAtCounter(user, id, rating.orElse(null), comment.orElse(null));
            redirect.addFlashAttribute("ratingDone", true);
        } catch (DeskException e) {
            redirect.addFlashAttribute("ratingError",
                    messages.getMessage(e.key(), e.args(), e.key(), LocaleContextHolder.getLocale()));
        }
        return "redirect:/dossiers/" + id;
    }
}
