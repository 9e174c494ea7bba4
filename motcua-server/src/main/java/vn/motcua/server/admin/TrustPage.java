package vn.motcua.server.admin;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.server.security.DeskUser;
import vn.motcua.server.web.ApiErrors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The trust-list page: CA certificates with their validity, days left and a badge when expired or expiring within
 * {@code motcua.admin.trust-expiry-warning-days} (30 by default); upload (PEM or DER) and removal.
 */
@Controller
public class TrustPage {

    private final TrustList trust;
    private final ApiErrors errors;
    private final Clock clock;
    private final int warningDays;

    public TrustPage(TrustList trust, ApiErrors errors, Clock clock,
                     @Value("${motcua.admin.trust-expiry-warning-days:30}") int warningDays) {
        this.trust = trust;
        this.errors = errors;
        this.clock = clock;
        this.warningDays = warningDays;
    }

    /** A row of the table: the anchor, whole days left (negative once expired), its badge and a readable fingerprint. */
    public record Row(TrustList.Anchor anchor, long daysLeft, String status, String fingerprint) {
    }

    @GetMapping("/admin/trust")
    public String page(@AuthenticationPrincipal DeskUser admin, Model model) {
        model.addAttribute("rows", rows(trust.list(admin)));
        model.addAttribute("warningDays", warningDays);
        return "admin-trust";
    }

    @PostMapping("/admin/trust")
    public String upload(@AuthenticationPrincipal DeskUser admin, @RequestParam(required = false) MultipartFile certificate,
                         RedirectAttributes redirect, Locale locale) {
        return change(() -> {
            try {
                trust.add(admin, certificate == null ? null : certificate.getBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, redirect, locale);
    }

    @PostMapping("/admin/trust/{id}/remove")
    public String remove(@AuthenticationPrincipal DeskUser admin, @PathVariable long id, RedirectAttributes redirect,
                         Locale locale) {
        return change(() -> trust.remove(admin, id), redirect, locale);
    }

    List<Row> rows(List<TrustList.Anchor> anchors) {
        return anchors.stream().map(a -> {
            long days = Math.floorDiv(Duration.between(clock.instant(), a.notAfter()).getSeconds(), 86_400L);
            String status = a.expired() || days < 0 ? "expired" : days < warningDays ? "soon" : "ok";
            return new Row(a, days, status, fingerprint(a.sha256()));
        }).toList();
    }

    private static String fingerprint(String hex) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            b.append(i == 0 ? "" : ":").append(hex, i, Math.min(i + 2, hex.length()));
        }
        return b.toString().toUpperCase(Locale.ROOT);
    }

    private String change(Runnable action, RedirectAttributes redirect, Locale locale) {
        errors.flash(action, redirect, locale);
        return "redirect:/admin/trust";
    }
}
