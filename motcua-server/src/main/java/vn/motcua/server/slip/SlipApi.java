package vn.motcua.server.slip;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.server.audit.AuditLog;
import vn.motcua.server.dossier.DossierService;
import vn.motcua.server.dossier.StoredDossier;
import vn.motcua.server.security.DeskUser;

/** The printable forms of a dossier as PDF (A5, Liberation Serif embedded). */
@RestController
@Tag(name = "slips")
public class SlipApi {

    private final DossierService dossiers;
    private final SlipFactory slips;
    private final PdfSlipRenderer renderer;
    private final AuditLog audit;

    public SlipApi(DossierService dossiers, SlipFactory slips, PdfSlipRenderer renderer, AuditLog audit) {
        this.dossiers = dossiers;
        this.slips = slips;
        this.renderer = renderer;
        this.audit = audit;
    }

    /** Both the API and the pages link here; {@code form} is 01 to 05. */
    @GetMapping({"/api/dossiers/{id}/slips/{form}", "/dossiers/{id}/slips/{form}.pdf"})
    @Operation(summary = "Form 01 (receipt), 02 (supplement), 03 (refusal), 04 (apology) or 05 (control slip) as PDF")
    public ResponseEntity<byte[]> slip(@AuthenticationPrincipal DeskUser user, @PathVariable long id,
                                       @PathVariable String form) {
        StoredDossier d = dossiers.get(user, id);
        byte[] pdf = renderer.render(slips.build(d, SlipFactory.form(form)));
        audit.record(user.username(), "slip.print", d.code(), "form " + form);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(d.code() + "-mau-" + form + ".pdf").build().toString())
                .body(pdf);
    }
}
