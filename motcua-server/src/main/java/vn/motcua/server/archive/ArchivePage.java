package vn.motcua.server.archive;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.motcua.domain.dossier.Channel;
import vn.motcua.domain.dossier.DossierState;
import vn.motcua.domain.dossier.Verdict;
import vn.motcua.server.audit.AuditLog;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.server.office.LiveCatalogue;
import vn.motcua.server.security.DeskUser;
import vn.motcua.server.web.ApiErrors;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** The page "Lưu trữ / Tra cứu hồ sơ": the search form, facets with counts, result table with snippets, export links. */
@Controller
public class ArchivePage {

    private final ArchiveSearch search;
    private final ArchiveExport export;
    private final AuditLog audit;
    private final LiveCatalogue catalogue;
    private final ApiErrors errors;
    private final ArchiveRecords records;

    public ArchivePage(ArchiveSearch search, ArchiveExport export, AuditLog audit, LiveCatalogue catalogue,
                       ApiErrors errors, ArchiveRecords records) {
        this.search = search;
        this.export = export;
        this.audit = audit;
        this.catalogue = catalogue;
        this.errors = errors;
        this.records = records;
    }

    @GetMapping("/archive")
    public String page(@AuthenticationPrincipal DeskUser user, @RequestParam MultiValueMap<String, String> params,
                       Locale locale, Model model) {
        List<String> scope = ArchiveAccess.scope(user, search);
        model.addAttribute("p", params.toSingleValueMap());
        var procedures = catalogue.procedures();
        model.addAttribute("procedures", procedures.all().stream().map(pr -> pr.nationalCode()).distinct()
                .map(code -> procedures.versions(code).get(procedures.versions(code).size() - 1)).toList());
        model.addAttribute("offices", scope.stream().map(catalogue.offices()::byId).flatMap(java.util.Optional::stream)
                .toList());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("states", DossierState.values());
        model.addAttribute("verdicts", Verdict.values());
        model.addAttribute("sorts", ArchiveQuery.Sort.values());
        boolean asked = params.values().stream().flatMap(List::stream).anyMatch(v -> v != null && !v.isBlank());
        if (asked) {
            try {
                ArchiveResult result = search.search(ArchiveQuery.parse(params), scope, locale);
                model.addAttribute("result", result);
            } catch (DeskException e) {
                model.addAttribute("error", errors.describe(e, locale));
            }
        }
        model.addAttribute("link", new Links(params));
        return "archive";
    }

    @GetMapping("/archive/export")
    public void export(@AuthenticationPrincipal DeskUser user, @RequestParam MultiValueMap<String, String> params,
                       Locale locale, HttpServletResponse response) throws IOException {
        ArchiveApi.exportTo(user, params, locale, response, search, export, audit);
    }

    @GetMapping("/archive/disposal")
    public String disposal(@AuthenticationPrincipal DeskUser user, Model model,
                           @RequestParam(required = false) String done) {
        model.addAttribute("records", records.disposalList(user));
        model.addAttribute("done", done);
        return "archive-disposal";
    }

    @PostMapping("/archive/disposal/{dossierId}")
    public String dispose(@AuthenticationPrincipal DeskUser user, @PathVariable long dossierId, @RequestParam String note,
                          Locale locale, Model model, RedirectAttributes redirect) {
        try {
            ArchiveRecord r = records.dispose(user, dossierId, note);
            redirect.addAttribute("done", r.fileCode());
            return "redirect:/archive/disposal";
        } catch (DeskException e) {
            model.addAttribute("records", records.disposalList(user));
            model.addAttribute("error", errors.describe(e, locale));
            return "archive-disposal";
        }
    }

    /** Builds the page's links: the current query with one parameter changed (facets, pages, export). */
    public static final class Links {
        private final MultiValueMap<String, String> params;

        Links(MultiValueMap<String, String> params) {
            this.params = params;
        }

        public String with(String key, Object value) {
            MultiValueMap<String, String> copy = new LinkedMultiValueMap<>(params);
            copy.remove("page");
            copy.set(key, String.valueOf(value));
            return "/archive?" + query(copy);
        }

        public String page(int page) {
            MultiValueMap<String, String> copy = new LinkedMultiValueMap<>(params);
            copy.set("page", String.valueOf(page));
            return "/archive?" + query(copy);
        }

        public String export(String format) {
            MultiValueMap<String, String> copy = new LinkedMultiValueMap<>(params);
            copy.remove("page");
            copy.set("format", format);
            return "/archive/export?" + query(copy);
        }

        private static String query(MultiValueMap<String, String> p) {
            String q = UriComponentsBuilder.newInstance().queryParams(p).encode().build().getQuery();
            return q == null ? "" : q;
        }
    }
}
