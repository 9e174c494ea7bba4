package vn.motcua.server.archive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.server.audit.AuditLog;
import vn.motcua.server.security.DeskUser;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Archive search (Lưu trữ / Tra cứu hồ sơ) over HTTP. Parameters: code, name, idNumber, procedure, field, office, channel,
 * state, verdict, receivedFrom/To, dueFrom/To, resolvedFrom/To, docNumber ("123/QĐ-UBND" or "123"), docSymbol, docType,
 * signer, signatureVerdict (GREEN/RED/GREY), text (full text; "quoted phrases", -excluded words), sort, page, size.
 */
@RestController
@RequestMapping("/api/archive")
@Tag(name = "archive")
public class ArchiveApi {

    private final ArchiveSearch search;
    private final ArchiveExport export;
    private final AuditLog audit;

    public ArchiveApi(ArchiveSearch search, ArchiveExport export, AuditLog audit) {
        this.search = search;
        this.export = export;
        this.audit = audit;
    }

    @GetMapping("/search")
    @Operation(summary = "Search dossiers within the caller's office scope; ID numbers masked; facets and paging")
    public ArchiveResult search(@AuthenticationPrincipal DeskUser user, @RequestParam MultiValueMap<String, String> params,
                                Locale locale) {
        List<String> scope = ArchiveAccess.scope(user, search);
        return search.search(ArchiveQuery.parse(params), scope, locale);
    }

    @GetMapping("/export")
    @Operation(summary = "The whole result as CSV or XLSX (format=csv|xlsx), at most 50,000 rows; audited")
    public void export(@AuthenticationPrincipal DeskUser user, @RequestParam MultiValueMap<String, String> params,
                       Locale locale, HttpServletResponse response) throws IOException {
        exportTo(user, params, locale, response, search, export, audit);
    }

    static void exportTo(DeskUser user, MultiValueMap<String, String> params, Locale locale,
                         HttpServletResponse response, ArchiveSearch search, ArchiveExport export, AuditLog audit)
            throws IOException {
        List<String> scope = ArchiveAccess.scope(user, search);
        ArchiveExport.Format format;
        try {
            format = ArchiveExport.Format.valueOf(String.valueOf(params.getFirst("format")).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new vn.motcua.server.dossier.DeskException(org.springframework.http.HttpStatus.BAD_REQUEST,
                    "archive.error.parameter", "format");
        }
        ArchiveQuery query = ArchiveQuery.parse(params);
        response.setContentType(format.mediaType);
        response.setHeader("Content-Disposition", "attachment; filename=\"ho-so-luu-tru." + format.extension + "\"");
        int rows = export.write(format, search, query, scope, locale, response.getOutputStream());
        audit.record(user.username(), "archive.export", format.name(),
                "rows=" + rows + " criteria=" + ArchiveAccess.criteria(params));
    }
}
