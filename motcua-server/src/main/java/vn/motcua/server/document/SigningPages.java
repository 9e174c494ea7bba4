package vn.motcua.server.document;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.domain.DomainException;
import vn.motcua.domain.dossier.Action;
import vn.motcua.domain.dossier.ActionType;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.server.dossier.DossierService;
import vn.motcua.server.dossier.StoredDossier;
import vn.motcua.server.security.DeskUser;
import vn.motcua.server.web.ApiErrors;
import vn.motcua.signature.sign.PreparedSignature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;

/**
 * The Ký số page's signing forms (the page itself is {@code DossierPages#sign}): signing with the PIN of a PKCS#11 token
 * when none is configured, and two-step external signing (prepare the hash, complete with the device's signature). All
 * of them end in the SIGN_RESULT action, the only place a result is recorded. {@code /sign/**} is for leaders only
 * (SecurityConfiguration); CSRF applies as to every form.
 */
@Controller
class SigningPages {

    private final DossierService service;
    private final DocumentService documents;
    private final LeaderSigner signer;
    private final ExternalResultSigning external;
    private final ApiErrors errors;

    SigningPages(DossierService service, DocumentService documents, LeaderSigner signer, ExternalResultSigning external,
                 ApiErrors errors) {
        this.service = service;
        this.documents = documents;
        this.signer = signer;
        this.external = external;
        this.errors = errors;
    }

    /** Signs with the token opened by the PIN typed by the leader; the PIN is neither logged nor kept. */
    @PostMapping("/sign/{id}/pin")
    String signWithPin(@AuthenticationPrincipal DeskUser user, @PathVariable long id, @RequestParam String pin,
                       @RequestParam Optional<Integer> expectedVersion, Model model, HttpServletResponse response) {
        char[] typed = pin.toCharArray();
        try {
            signer.withPin(typed, () -> service.act(user, id, expectedVersion, new Action.SignResult(""),
                    Optional.empty()));
            return "redirect:/dossiers/" + id;
        } catch (DomainException | DeskException e) {
            return error(e, model, response);
        }
    }

    /** Step one: the hash of the latest draft for the leader's device, and the form to paste its signature into. */
    @PostMapping("/sign/{id}/prepare")
    String prepare(@AuthenticationPrincipal DeskUser user, @PathVariable long id,
                   @RequestParam Optional<MultipartFile> chain, Model model, HttpServletResponse response) {
        try {
            StoredDossier d = service.get(user, id);
            if (!service.allowedActions(user, d.dossier()).contains(ActionType.SIGN_RESULT)) {
                throw new DeskException(HttpStatus.CONFLICT, "error.signing.notSignable");
            }
            StoredDocument draft = documents.forDossier(id).stream().filter(x -> x.kind() == DocumentKind.DRAFT)
                    .max(Comparator.comparingLong(StoredDocument::id))
                    .orElseThrow(() -> new DeskException(HttpStatus.UNPROCESSABLE_CONTENT, "error.signing.noDraft"));
            byte[] chainBytes = chain.filter(f -> !f.isEmpty()).map(SigningPages::bytes).orElse(null);
            PreparedSignature prepared = external.prepare(user.username(), id, d.dossier().version(),
                    d.dossier().code().value(), documents.read(draft), chainBytes);
            model.addAttribute("d", d.dossier());
            model.addAttribute("id", id);
            model.addAttribute("prepared", prepared);
            model.addAttribute("hash", Base64.getEncoder().encodeToString(prepared.hashToSign()));
            model.addAttribute("data", Base64.getEncoder().encodeToString(prepared.dataToSign()));
            return "sign-external";
        } catch (DomainException | DeskException e) {
            return error(e, model, response);
        }
    }

    /** Step two: the device's signature (base64 text or a file, raw value or CMS) completes the result. */
    @PostMapping("/sign/{id}/complete")
    String complete(@AuthenticationPrincipal DeskUser user, @PathVariable long id, @RequestParam String handle,
                    @RequestParam Optional<String> signature, @RequestParam Optional<MultipartFile> signatureFile,
                    Model model, HttpServletResponse response) {
        try {
            byte[] value = signatureFile.filter(f -> !f.isEmpty()).map(SigningPages::bytes)
                    .or(() -> signature.filter(s -> !s.isBlank()).map(SigningPages::base64))
                    .orElseThrow(() -> new DeskException(HttpStatus.UNPROCESSABLE_CONTENT, "error.signing.signatureMissing"));
            ExternalResultSigning.Completed done = external.complete(user.username(), id, handle, value);
            signer.withSignedResult(done.signer(), () -> service.act(user, id, Optional.of(done.version()),
                    new Action.SignResult(""), Optional.empty()));
            return "redirect:/dossiers/" + id;
        } catch (DomainException | DeskException e) {
            return error(e, model, response);
        }
    }

    private String error(RuntimeException e, Model model, HttpServletResponse response) {
        HttpStatus status = e instanceof DeskException de ? de.status() : HttpStatus.CONFLICT;
        response.setStatus(status.value());
        model.addAttribute("error", errors.describe(e, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        return "error-page";
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getMimeDecoder().decode(text.strip().getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new DeskException(HttpStatus.UNPROCESSABLE_CONTENT, "error.signing.signatureEncoding");
        }
    }

    private static byte[] bytes(MultipartFile f) {
        try {
            return f.getBytes();
        } catch (IOException e) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "error.signing.signatureMissing");
        }
    }
}
