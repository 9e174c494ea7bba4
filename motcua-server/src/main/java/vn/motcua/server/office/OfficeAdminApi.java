package vn.motcua.server.office;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.server.security.DeskUser;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The office directory for administrators: list as a tree, create, edit names, parent and validity. Never delete. */
@RestController
@RequestMapping("/api/admin/offices")
@Tag(name = "admin")
public class OfficeAdminApi {

    private static final Set<String> EDITABLE = Set.of("nameVi", "nameEn", "parentId", "validFrom", "validUntil");

    private final OfficeAdmin offices;

    public OfficeAdminApi(OfficeAdmin offices) {
        this.offices = offices;
    }

    @GetMapping
    @Operation(summary = "Every office, closed ones included, in tree order (depth), with validToday and local flags")
    public List<OfficeAdmin.Row> list(@AuthenticationPrincipal DeskUser user) {
        return offices.list(user);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an office: id, agencyCode (QCVN 102), level, parentId, nameVi, nameEn, validFrom, "
            + "validUntil; applies at once; audited")
    public OfficeAdmin.Row create(@AuthenticationPrincipal DeskUser user, @RequestBody OfficeAdmin.NewOffice office) {
        return offices.create(user, office);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change the fields given among nameVi, nameEn, parentId, validFrom, validUntil (null: open date "
            + "or no parent), e.g. {\"validUntil\": \"2026-06-30\"} closes the office; audited")
    public OfficeAdmin.Row edit(@AuthenticationPrincipal DeskUser user, @PathVariable String id,
                                @RequestBody Map<String, Object> body) {
        OfficeAdmin.OfficeEdit now = offices.current(user, id);
        for (String key : body.keySet()) {
            if (!EDITABLE.contains(key)) {
                throw new DeskException(HttpStatus.BAD_REQUEST, "admin.office.error.field", key);
            }
        }
        return offices.edit(user, id, new OfficeAdmin.OfficeEdit(
                text(body, "nameVi", now.nameVi()), text(body, "nameEn", now.nameEn()),
                text(body, "parentId", now.parentId()), date(body, "validFrom", now.validFrom()),
                date(body, "validUntil", now.validUntil())));
    }

    private static String text(Map<String, Object> body, String key, String current) {
        if (!body.containsKey(key)) {
            return current;
        }
        Object v = body.get(key);
        if (v != null && !(v instanceof String)) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "admin.office.error.field", key);
        }
        return (String) v;
    }

    private static LocalDate date(Map<String, Object> body, String key, LocalDate current) {
        return OfficeAdmin.date(text(body, key, current == null ? null : current.toString()));
    }
}
