package vn.motcua.server.dossier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.domain.dossier.ActionType;
import vn.motcua.domain.dossier.DossierState;
import vn.motcua.server.document.DocumentInspection;
import vn.motcua.server.document.DocumentService;
import vn.motcua.server.document.StoredDocument;
import vn.motcua.server.security.DeskUser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Dossiers of the signed-in officer's office: worklists, details, every transition, documents. */
@RestController
@RequestMapping("/api")
@Tag(name = "dossiers")
public class DossierApi {

    private final DossierService service;
    private final DocumentService documents;
    private final WorkingCalendar calendar;
    private final Clock clock;

    public DossierApi(DossierService service, DocumentService documents, WorkingCalendar calendar, Clock clock) {
        this.service = service;
        this.documents = documents;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping("/dossiers")
    @Operation(summary = "Dossiers the office received, holds or held; most urgent first")
    public List<DossierView> list(@AuthenticationPrincipal DeskUser user,
                                  @RequestParam Optional<DossierState> state,
                                  @RequestParam Optional<String> procedure,
                                  @RequestParam Optional<String> code,
                                  @RequestParam(defaultValue = "false") boolean held,
                                  @RequestParam(defaultValue = "200") int limit) {
        return service.list(user, new DossierService.Filter(state, procedure, code, held, limit)).stream()
                .map(d -> view(user, d, false)).toList();
    }

    @GetMapping("/dossiers/counts")
    @Operation(summary = "Number of dossiers the office holds, by state")
    public Map<String, Long> counts(@AuthenticationPrincipal DeskUser user) {
        return service.counts(user);
    }

    @GetMapping("/dossiers/{id}")
    public DossierView get(@AuthenticationPrincipal DeskUser user, @PathVariable long id) {
        return view(user, service.get(user, id), true);
    }

    @PostMapping(path = "/dossiers/{id}/actions/{action}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Apply a transition (transfer-to-processing, forward, accept-forwarded, send-back, receive-back, "
            + "request-supplement, supplement-received, stop, refuse, submit-for-approval, approve, sign-result, "
            + "return-result, withdraw, apologize, archive ...)")
    public DossierView act(@AuthenticationPrincipal DeskUser user, @PathVariable long id, @PathVariable String action,
                           @RequestBody(required = false) ActionRequest body) {
        return act(user, id, action, body == null ? new ActionRequest(null, null, null, null, null, null) : body,
                Optional.empty());
    }

    @PostMapping(path = "/dossiers/{id}/actions/{action}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Apply a transition with an attached result draft (e.g. submit-for-approval)")
    public DossierView actWithDraft(@AuthenticationPrincipal DeskUser user, @PathVariable long id,
                                    @PathVariable String action, @RequestParam Optional<String> note,
                                    @RequestParam Optional<Integer> expectedVersion,
                                    @RequestPart("draft") MultipartFile draft) {
        DocumentService.Upload upload = documents.accept(null, draft.getOriginalFilename(), bytes(draft));
        return act(user, id, action, new ActionRequest(note.orElse(null), null, null, null, null,
                expectedVersion.orElse(null)), Optional.of(upload));
    }

    private DossierView act(DeskUser user, long id, String action, ActionRequest body,
                            Optional<DocumentService.Upload> draft) {
        ActionType type = ActionRequest.type(action);
        StoredDossier after = service.act(user, id, Optional.ofNullable(body.expectedVersion()),
                body.toAction(type, calendar.counterHours().closing()), draft);
        return view(user, after, true);
    }

    @GetMapping("/documents/{id}")
    @Operation(summary = "Download a document (audited)")
    public ResponseEntity<InputStreamResource> download(@AuthenticationPrincipal DeskUser user, @PathVariable long id) {
        StoredDocument doc = service.document(user, id);
        try {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(doc.mediaType()))
                    .contentLength(doc.size())
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(doc.fileName(), StandardCharsets.UTF_8).build().toString())
                    .header("X-Content-Type-Options", "nosniff")
                    .body(new InputStreamResource(documents.open(doc)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/documents/{id}/inspection")
    @Operation(summary = "Signature verdict and extracted header fields of a document")
    public DocumentInspection inspection(@AuthenticationPrincipal DeskUser user, @PathVariable long id) {
        StoredDocument doc = service.document(user, id);
        return new DocumentInspection(doc.signatureBadge(), doc.signatureText(), doc.metadata());
    }

    private DossierView view(DeskUser user, StoredDossier d, boolean details) {
        return DossierView.of(d, details ? documents.forDossier(d.id()) : List.of(),
                details ? service.allowedActions(user, d.dossier()) : java.util.Set.of(), clock.instant(),
                LocaleContextHolder.getLocale());
    }

    static byte[] bytes(MultipartFile f) {
        try {
            return f.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
