package vn.motcua.server.lookup;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.motcua.domain.DomainException;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.server.satisfaction.Satisfaction;

import java.util.Locale;
import java.util.Optional;

/**
 * Tra cứu: the public page the QR code on Form 01 opens. No login, no personal data. Once the result is returned it
 * offers the one-time satisfaction rating (CSRF-protected form; the citizen proves the dossier is theirs with the last 4
 * digits of the phone or ID number given at reception).
 */
@Controller
public class LookupPage {

    private final PublicLookup lookup;
    private final Satisfaction satisfaction;
    private final MessageSource messages;

    public LookupPage(PublicLookup lookup, Satisfaction satisfaction, MessageSource messages) {
        this.lookup = lookup;
        this.satisfaction = satisfaction;
        this.messages = messages;
    }

    @GetMapping("/lookup")
    public String lookup(@RequestParam Optional<String> code, Model model, Locale locale, HttpServletResponse response) {
        code.filter(c -> !c.isBlank()).ifPresent(c -> show(c, model, locale, response));
        return "lookup";
    }

    @PostMapping("/lookup/rating")
    public String rate(@RequestParam Optional<String> code, @RequestParam Optional<String> check,
                       @RequestParam Optional<String> rating, @RequestParam Optional<String> comment, Model model,
                       Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        String c = code.orElse("");
        try {
            satisfaction.rateOnline(c, check.orElse(null), rating.orElse(null), comment.orElse(null));
            redirect.addFlashAttribute("rated", true);
            return "redirect:" + UriComponentsBuilder.fromPath("/lookup").queryParam("code", c.strip()).encode()
                    .build().toUriString();
        } catch (DeskException e) {
            show(c, model, locale, response);
            response.setStatus(e.status().value());
            // Shown beside the form, which keeps the answer and the comment (escaped) but never the typed digits.
            model.addAttribute("ratingError", messages.getMessage(e.key(), e.args(), e.key(), locale));
            model.addAttribute("typedRating", rating.orElse(""));
            model.addAttribute("typedComment", comment.orElse(""));
            return "lookup";
        } catch (DomainException e) {
            response.setStatus(400);
            model.addAttribute("error", e.message(locale));
            return "lookup";
        }
    }

    private void show(String c, Model model, Locale locale, HttpServletResponse response) {
        model.addAttribute("code", c);
        try {
            lookup.find(c, locale).ifPresentOrElse(s -> {
                model.addAttribute("status", s);
                model.addAttribute("rating", satisfaction.publicState(s.code()).name());
            }, () -> {
                response.setStatus(404);
                model.addAttribute("error", messages.getMessage("lookup.notFound", null, locale));
            });
        } catch (DomainException e) {
            response.setStatus(400);
            model.addAttribute("error", e.message(locale));
        }
    }
}
