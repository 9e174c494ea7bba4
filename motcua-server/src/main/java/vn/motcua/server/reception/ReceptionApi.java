package vn.motcua.server.reception;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import vn.motcua.domain.dossier.Channel;
import vn.motcua.domain.dossier.Reception;
import vn.motcua.server.document.DocumentService;
import vn.motcua.server.dossier.Applicant;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.server.dossier.DossierService;
import vn.motcua.server.dossier.DossierView;
import vn.motcua.server.dossier.StoredDossier;
import vn.motcua.server.security.DeskUser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    @Operation(summary = "Receive a dossier: accepted (Form 01), incomplete (Form 02) or refused (Form 03)")
    public ResponseEntity<DossierView> receive(@AuthenticationPrincipal DeskUser user,
                                               MultipartHttpServletRequest request,
                                               @RequestParam String procedureCode,
                                               @RequestParam String applicantName,
                                               @RequestParam String applicantIdNumber,
                                               @RequestParam Optional<String> applicantPhone,
                                               @RequestParam Optional<String> applicantAddress,
                                               @RequestParam Optional<String> applicantEmail,
                                               @RequestParam(defaultValue = "COUNTER") Channel channel,
                                               @RequestParam(defaultValue = "ACCEPT") Reception.Outcome outcome,
                                               @RequestParam Optional<String> note,
                                               @RequestParam Optional<List<String>> provided) {
        StoredDossier d = reception.receive(user, new ReceptionService.Command(procedureCode,
                new Applicant(applicantName.strip(), applicantIdNumber.strip(), applicantPhone.orElse(null),
                        applicantAddress.orElse(null), applicantEmail.orElse(null)),
                channel, outcome, note.orElse(""), new HashSet<>(provided.orElse(List.of())),
                uploads(request.getMultiFileMap(), documents)));
        return ResponseEntity.status(HttpStatus.CREATED).body(DossierView.of(d, documents.forDossier(d.id()),
                dossiers.allowedActions(user, d.dossier()), clock.instant(), LocaleContextHolder.getLocale()));
    }

    /** Accepts every {@code file.<component>} part; any bad file refuses the whole reception before anything is recorded. */
    static List<DocumentService.Upload> uploads(Map<String, List<MultipartFile>> parts, DocumentService documents) {
        List<DocumentService.Upload> uploads = new ArrayList<>();
        for (var part : parts.entrySet()) {
            if (!part.getKey().startsWith("file.")) {
                continue;
            }
            String component = part.getKey().substring("file.".length());
            for (MultipartFile f : part.getValue()) {
                if (f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isEmpty())) {
                    continue; // an empty file input of the HTML form
                }
                try {
                    uploads.add(documents.acceptAtReception(component, f.getOriginalFilename(), f.getBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        if (uploads.size() > 50) {
            throw new DeskException(HttpStatus.CONTENT_TOO_LARGE, "error.upload.tooMany");
        }
        return uploads;
    }
}
