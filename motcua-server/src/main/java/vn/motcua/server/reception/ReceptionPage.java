package vn.motcua.server.reception;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.domain.DomainException;
import vn.motcua.domain.dossier.Channel;
import vn.motcua.domain.dossier.Reception;
import vn.motcua.server.dossier.Applicant;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.server.dossier.StoredDossier;
import vn.motcua.server.office.LiveCatalogue;
import vn.motcua.server.office.ProcedureSearch;
import vn.motcua.server.security.DeskUser;
import vn.motcua.server.web.ApiErrors;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;

/**
 * Tiếp nhận: pick a procedure (searched by name or code, htmx), enter the applicant, tick the checklist, drop the files.
 * The script posts the form with a progress bar; without script the form posts normally. The answer is the dossier page,
 * which offers Form 01, 02 or 03 to print.
 */
@Controller
public class ReceptionPage {

    private final LiveCatalogue catalogue;
    private final ReceptionService reception;
    private final ApiErrors errors;
    private final Clock clock;

    public ReceptionPage(LiveCatalogue catalogue, ReceptionService reception, ApiErrors errors, Clock clock) {
        this.catalogue = catalogue;
        this.reception = reception;
        this.errors = errors;
        this.clock = clock;
    }

    @GetMapping("/reception")
    public String form(@RequestParam Optional<String> procedure, Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("procedures", catalogue.procedures().validOn(today));
        model.addAttribute("procedure", procedure.flatMap(code -> catalogue.procedures().versionOn(code, today))
                .orElse(null));
        model.addAttribute("channels", Channel.values());
        model.addAttribute("outcomes", Reception.Outcome.values());
        return "reception";
    }

    /** The htmx search: the list of matching procedures as a fragment. */
    @GetMapping("/reception/procedures")
    public String search(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("procedures",
                ProcedureSearch.search(catalogue.procedures().validOn(LocalDate.now(clock)), q));
        return "reception :: procedure-list";
    }

    @PostMapping("/reception")
    public String receive(@AuthenticationPrincipal DeskUser user, ReceptionForm form, Model model,
                          HttpServletRequest servletRequest, HttpServletResponse response) {
        String procedureCode = form.required("procedureCode");
        try {
            StoredDossier d = reception.receive(user, new ReceptionService.Command(procedureCode,
                    new Applicant(form.required("applicantName").strip(), form.required("applicantIdNumber").strip(),
                            form.optional("applicantPhone").map(String::strip).orElse(null),
                            form.optional("applicantAddress").map(String::strip).orElse(null),
                            form.optional("applicantEmail").map(String::strip).orElse(null)),
                    form.choice("channel", Channel.class, Channel.COUNTER),
                    form.choice("outcome", Reception.Outcome.class, Reception.Outcome.ACCEPT),
                    form.optional("note").orElse(""), new HashSet<>(form.all("provided")), form.uploads()));
            return "redirect:/dossiers/" + d.id();
        } catch (DomainException | DeskException e) {
            model.addAttribute("applicantName", form.optional("applicantName").orElse(""));
            model.addAttribute("applicantIdNumber", form.optional("applicantIdNumber").orElse(""));
            return refused(e, Optional.of(procedureCode), model, servletRequest, response);
        }
    }

    /**
     * A form refused before its fields could be read (the desk busy, a cut-off or oversized body): the same error in
     * the page, as for a refusal after reading.
     */
    @ExceptionHandler(DeskException.class)
    public String refusedUnread(DeskException e, Model model, HttpServletRequest servletRequest,
                                HttpServletResponse response) {
        return refused(e, Optional.empty(), model, servletRequest, response);
    }

    private String refused(RuntimeException e, Optional<String> procedureCode, Model model,
                           HttpServletRequest servletRequest, HttpServletResponse response) {
        HttpStatus status = e instanceof DeskException de ? de.status() : HttpStatus.UNPROCESSABLE_CONTENT;
        response.setStatus(status.value());
        model.addAttribute("error", errors.describe(e, LocaleContextHolder.getLocale()));
        if ("XMLHttpRequest".equals(servletRequest.getHeader("X-Requested-With"))) {
            return "reception :: error";
        }
        return form(procedureCode, model);
    }
}
