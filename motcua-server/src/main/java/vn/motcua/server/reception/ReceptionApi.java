package vn.motcua.server.reception;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.domain.dossier.Channel;
import vn.motcua.domain.dossier.Reception;
import vn.motcua.server.document.DocumentService;
import vn.motcua.server.dossier.Applicant;
import vn.motcua.server.dossier.DossierService;
import vn.motcua.server.dossier.DossierView;
import vn.motcua.server.dossier.StoredDossier;
import vn.motcua.server.security.DeskUser;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;

/**
 * Reception over HTTP: a multipart form with the applicant, the procedure, the channel, the outcome, the ticked
 * components ({@code provided}, repeated) and one file part per component named {@code file.<component key>}.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "reception")
public class ReceptionApi {

    private final ReceptionService reception;
    private final DocumentService documents;
    private final DossierService dossiers;
    private final Clock clock;

    public ReceptionApi(ReceptionService reception, DocumentService documents, DossierService dossiers, Clock clock) {
        this.reception = reception;
        this.documents = documents;
        this.dossiers = dossiers;
        this.clock = clock;
    }

    @PostMapping(path = "/dossiers", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Receive a dossier: accepted (Form 01), incomplete (Form 02) or refused (Form 03)",
            description = "Send the CSRF token in the X-XSRF-TOKEN header: the body is then read as it arrives, each"
                    + " file stored as it streams in. A few receptions are worked on at once and the others wait their"
                    + " turn in order; one that waits longer than motcua.reception.admission-wait is answered 503 with"
                    + " Retry-After (problem urn:motcua:error.reception.busy) and nothing is recorded.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = Fields.class)))
    public ResponseEntity<DossierView> receive(@AuthenticationPrincipal DeskUser user,
                                               @Parameter(hidden = true) ReceptionForm form) {
        StoredDossier d = reception.receive(user, new ReceptionService.Command(form.required("procedureCode"),
                new Applicant(form.required("applicantName").strip(), form.required("applicantIdNumber").strip(),
                        form.optional("applicantPhone").orElse(null), form.optional("applicantAddress").orElse(null),
                        form.optional("applicantEmail").orElse(null)),
                form.choice("channel", Channel.class, Channel.COUNTER),
                form.choice("outcome", Reception.Outcome.class, Reception.Outcome.ACCEPT),
                form.optional("note").orElse(""), new HashSet<>(form.all("provided")), form.uploads()));
        return ResponseEntity.status(HttpStatus.CREATED).body(DossierView.of(d, documents.forDossier(d.id()),
                dossiers.allowedActions(user, d.dossier()), clock.instant(), LocaleContextHolder.getLocale()));
    }

    /** The form's fields, for the API description; files are parts named {@code file.<component key>}. */
    @Schema(name = "ReceptionForm")
    record Fields(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String procedureCode,
                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String applicantName,
                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String applicantIdNumber,
                  String applicantPhone, String applicantAddress, String applicantEmail, Channel channel,
                  Reception.Outcome outcome, String note,
                  @Schema(description = "component keys ticked on the checklist (repeated)") List<String> provided,
                  @Schema(name = "file.<component>", type = "string", format = "binary",
                          description = "one part per file, named file.<component key>") String file) {
    }
}
