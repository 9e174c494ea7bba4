package vn.motcua.server.lookup;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.domain.DomainException;

import java.util.Locale;
import java.util.Optional;

/** Tra cứu: the public page the QR code on Form 01 opens. No login, no personal data. */
@Controller
public class LookupPage {

    private final PublicLookup lookup;
    private final MessageSource messages;

    public LookupPage(PublicLookup lookup, MessageSource messages) {
        this.lookup = lookup;
        this.messages = messages;
    }

    @GetMapping("/lookup")
    public String lookup(@RequestParam Optional<String> code, Model model, Locale locale, HttpServletResponse response) {
        code.filter(c -> !c.isBlank()).ifPresent(c -> {
            model.addAttribute("code", c);
            try {
                lookup.find(c, locale).ifPresentOrElse(s -> model.addAttribute("status", s), () -> {
                    response.setStatus(404);
                    model.addAttribute("error", messages.getMessage("lookup.notFound", null, locale));
                });
            } catch (DomainException e) {
                response.setStatus(400);
                model.addAttribute("error", e.message(locale));
            }
        });
        return "lookup";
    }
}
