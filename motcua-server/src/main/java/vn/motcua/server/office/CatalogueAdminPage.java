package vn.motcua.server.office;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.node.ObjectNode;
import vn.motcua.domain.calendar.TimeLimit;
import vn.motcua.domain.office.OfficeLevel;
import vn.motcua.domain.procedure.OnlineLevel;
import vn.motcua.domain.procedure.Procedure;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.server.security.DeskUser;
import vn.motcua.server.web.ApiErrors;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** The administrators' pages for the office directory and the procedure catalogue (forms post back, then redirect). */
@Controller
public class CatalogueAdminPage {

    private final OfficeAdmin offices;
    private final ProcedureAdmin procedures;
    private final LiveCatalogue live;
    private final ApiErrors errors;
    private final CatalogueProblems problems;
    private final Clock clock;

    public CatalogueAdminPage(OfficeAdmin offices, ProcedureAdmin procedures, LiveCatalogue live, ApiErrors errors,
                              CatalogueProblems problems, Clock clock) {
        this.offices = offices;
        this.procedures = procedures;
        this.live = live;
        this.errors = errors;
        this.problems = problems;
        this.clock = clock;
    }

    @GetMapping("/admin/offices")
    public String offices(@AuthenticationPrincipal DeskUser user, @RequestParam(required = false) String edit,
                          Model model) {
        model.addAttribute("rows", offices.list(user));
        model.addAttribute("levels", OfficeLevel.values());
        if (edit != null) {
            model.addAttribute("editId", edit);
            model.addAttribute("edit", offices.current(user, edit));
        }
        return "admin-offices";
    }

    @PostMapping("/admin/offices")
    public String create(@AuthenticationPrincipal DeskUser user, OfficeAdmin.NewOffice office,
                         RedirectAttributes redirect, Locale locale) {
        return change(() -> offices.create(user, office), "redirect:/admin/offices", redirect, locale);
    }

    @PostMapping("/admin/offices/{id}")
    public String edit(@AuthenticationPrincipal DeskUser user, @PathVariable String id,
                       @RequestParam(required = false) String nameVi, @RequestParam(required = false) String nameEn,
                       @RequestParam(required = false) String parentId, @RequestParam(required = false) String validFrom,
                       @RequestParam(required = false) String validUntil, RedirectAttributes redirect, Locale locale) {
        return change(() -> offices.edit(user, id, new OfficeAdmin.OfficeEdit(nameVi, nameEn, parentId,
                OfficeAdmin.date(validFrom), OfficeAdmin.date(validUntil))), "redirect:/admin/offices", redirect, locale);
    }

    @GetMapping("/admin/procedures")
    public String procedures(@AuthenticationPrincipal DeskUser user, @RequestParam(required = false) String code,
                             Model model) {
        model.addAttribute("procedures", procedures.list(user));
        model.addAttribute("levels", OfficeLevel.values());
        model.addAttribute("onlineLevels", OnlineLevel.values());
        model.addAttribute("units", TimeLimit.Unit.values());
        model.addAttribute("today", LocalDate.now(clock));
        if (code != null) {
            List<Procedure> versions = live.procedures().versions(code);
            if (versions.isEmpty()) {
                throw new DeskException(org.springframework.http.HttpStatus.NOT_FOUND, "admin.procedure.error.unknown",
                        code);
            }
            Procedure latest = versions.get(versions.size() - 1);
            model.addAttribute("code", code);
            model.addAttribute("latest", latest);
            model.addAttribute("latestFee", latest.fee().amountVnd().isPresent()
                    ? String.valueOf(latest.fee().amountVnd().getAsLong()) : "");
        }
        return "admin-procedures";
    }

    @PostMapping("/admin/procedures/{code}/versions")
    public String newVersion(@AuthenticationPrincipal DeskUser user, @PathVariable String code,
                             @RequestParam String nameVi, @RequestParam String nameEn, @RequestParam String timeAmount,
                             @RequestParam String timeUnit, @RequestParam(required = false) String feeAmount,
                             @RequestParam String feeVi, @RequestParam String feeEn, @RequestParam String onlineLevel,
                             @RequestParam String receptionLevel, @RequestParam String validFrom,
                             RedirectAttributes redirect, Locale locale) {
        ObjectNode given = CatalogueJson.object();
        ObjectNode name = given.putObject("name");
        name.put("vi", nameVi);
        name.put("en", nameEn);
        ObjectNode time = given.putObject("timeLimit");
        number(time, "amount", timeAmount);
        time.put("unit", timeUnit);
        ObjectNode fee = given.putObject("fee");
        number(fee, "amountVnd", feeAmount);
        fee.put("vi", feeVi);
        fee.put("en", feeEn);
        given.put("onlineLevel", onlineLevel);
        given.put("receptionLevel", receptionLevel);
        given.put("validFrom", validFrom);
        return change(() -> procedures.newVersion(user, code, given), "redirect:/admin/procedures",
                redirect, locale, code);
    }

    @PostMapping("/admin/procedures/{code}/retire")
    public String retire(@AuthenticationPrincipal DeskUser user, @PathVariable String code,
                         @RequestParam(required = false) Integer version, @RequestParam(required = false) String validUntil,
                         RedirectAttributes redirect, Locale locale) {
        return change(() -> procedures.retire(user, code, version, OfficeAdmin.date(validUntil)),
                "redirect:/admin/procedures", redirect, locale, code);
    }

    @GetMapping("/admin/procedures/export")
    public ResponseEntity<byte[]> export(@AuthenticationPrincipal DeskUser user) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"motcua-catalogue.json\"")
                .contentType(MediaType.APPLICATION_JSON).body(procedures.export(user));
    }

    @PostMapping("/admin/procedures/import")
    public String importJson(@AuthenticationPrincipal DeskUser user, @RequestParam("file") MultipartFile file,
                             RedirectAttributes redirect, Locale locale) throws IOException {
        OfficeAdmin.admin(user);
        byte[] json = file.getBytes();
        return change(() -> {
            ProcedureAdmin.ImportResult r = procedures.importJson(user, json);
            redirect.addFlashAttribute("imported", r);
            return r;
        }, "redirect:/admin/procedures", redirect, locale);
    }

    /** An unknown office or procedure in a page's address: the error page with the status, not a server error. */
    @ExceptionHandler(DeskException.class)
    ModelAndView failed(DeskException e, Locale locale) {
        ModelAndView page = new ModelAndView("error-page");
        page.setStatus(e.status());
        page.addObject("error", errors.describe(e, locale));
        return page;
    }

    /** A number when the text is one; otherwise the text itself, which the JSON checks report at its path. */
    private static void number(ObjectNode node, String field, String text) {
        if (text == null || text.isBlank()) {
            node.putNull(field);
        } else if (text.strip().matches("-?\\d{1,18}")) {
            node.put(field, Long.parseLong(text.strip()));
        } else {
            node.put(field, text);
        }
    }

    private String change(Supplier<?> action, String target, RedirectAttributes redirect, Locale locale) {
        return change(action, target, redirect, locale, null);
    }

    private String change(Supplier<?> action, String target, RedirectAttributes redirect, Locale locale, String code) {
        try {
            action.get();
            redirect.addFlashAttribute("saved", true);
        } catch (CatalogueImportException e) {
            redirect.addFlashAttribute("problems", problems.lines(e, locale));
        } catch (DeskException e) {
            redirect.addFlashAttribute("error", errors.describe(e, locale));
        }
        if (code != null) {
            redirect.addAttribute("code", code);
        }
        return target;
    }
}
