package vn.motcua.server.office;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.server.security.DeskUser;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The procedure catalogue for administrators: versions of every procedure, new versions, retirement, JSON export and
 * import (schema motcua-catalogue/1). Bodies are read raw and bounded, so a huge or hostile body is refused with a clear
 * problem before it is parsed.
 */
@RestController
@RequestMapping("/api/admin/procedures")
@Tag(name = "admin")
public class ProcedureAdminApi {

    private final ProcedureAdmin procedures;
    private final CatalogueProblems problems;
    private final int maxBytes;

    public ProcedureAdminApi(ProcedureAdmin procedures, CatalogueProblems problems,
                             @Value("${motcua.admin.catalogue-max-bytes:2097152}") int maxBytes) {
        this.procedures = procedures;
        this.problems = problems;
        this.maxBytes = maxBytes;
    }

    @GetMapping
    @Operation(summary = "Every procedure with all its versions: validity, names, time limit, level, retired")
    public List<ProcedureAdmin.ProcedureRow> list(@AuthenticationPrincipal DeskUser user) {
        return procedures.list(user);
    }

    @PostMapping(path = "/{code}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "New version from the latest one: give validFrom (today or later) and any of name, field, "
            + "timeLimit, fee, onlineLevel, legacyOnlineLevel, receptionLevel, components, steps, ...; the previous "
            + "version ends the day before; audited")
    public ResponseEntity<ProcedureAdmin.VersionRow> newVersion(@AuthenticationPrincipal DeskUser user,
                                                                @PathVariable String code, HttpServletRequest request)
            throws IOException {
        OfficeAdmin.admin(user);
        var body = CatalogueJson.parse(read(request));
        return ResponseEntity.status(HttpStatus.CREATED).body(procedures.newVersion(user, code, body));
    }

    @PostMapping(path = "/{code}/retire", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Retire a procedure: {\"validUntil\": \"yyyy-MM-dd\", \"version\": n (optional: the latest)}; "
            + "today or later, never extends; audited")
    public ProcedureAdmin.VersionRow retire(@AuthenticationPrincipal DeskUser user, @PathVariable String code,
                                            HttpServletRequest request) throws IOException {
        OfficeAdmin.admin(user);
        var body = CatalogueJson.parse(read(request));
        List<CatalogueJson.Problem> found = new java.util.ArrayList<>();
        CatalogueJson.object(body, "$", java.util.Set.of("validUntil", "version"), found);
        CatalogueJson.refuseIf(found);
        var fields = new CatalogueJson.Fields(body, "$", found);
        LocalDate until = fields.date("validUntil");
        Integer version = body.has("version") ? fields.integer("version", 1, 9999) : null;
        CatalogueJson.refuseIf(found);
        return procedures.retire(user, code, version, until);
    }

    @GetMapping(path = "/export", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The whole catalogue, every version and field (schema motcua-catalogue/1)")
    public ResponseEntity<byte[]> export(@AuthenticationPrincipal DeskUser user) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"motcua-catalogue.json\"")
                .contentType(MediaType.APPLICATION_JSON).body(procedures.export(user));
    }

    @PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import a file of schema motcua-catalogue/1: new procedures and versions, earlier ends; a "
            + "version already present with other content is refused; all or nothing; audited")
    public ProcedureAdmin.ImportResult importJson(@AuthenticationPrincipal DeskUser user, HttpServletRequest request)
            throws IOException {
        OfficeAdmin.admin(user);
        return procedures.importJson(user, read(request));
    }

    @ExceptionHandler(CatalogueImportException.class)
    ProblemDetail refused(CatalogueImportException e, Locale locale) {
        return problems.problem(e, locale);
    }

    /** The body, at most {@code motcua.admin.catalogue-max-bytes}; refused unread when it says it is larger. */
    private byte[] read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge();
            }
            return body;
        }
    }

    private CatalogueImportException tooLarge() {
        return new CatalogueImportException(HttpStatus.CONTENT_TOO_LARGE,
                List.of(new CatalogueJson.Problem("$", "admin.json.tooLarge", maxBytes)));
    }
}
