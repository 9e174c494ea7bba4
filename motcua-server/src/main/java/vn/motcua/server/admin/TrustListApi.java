package vn.motcua.server.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.server.security.DeskUser;

import java.io.IOException;
import java.util.List;

/** The trust list for signature verification (admin role): CA certificates with their expiry. */
@RestController
@RequestMapping("/api/admin/trust")
@Tag(name = "admin")
public class TrustListApi {

    private final TrustList trust;

    public TrustListApi(TrustList trust) {
        this.trust = trust;
    }

    @GetMapping
    @Operation(summary = "Current CA certificates, soonest expiry first, with an expired flag")
    public List<TrustList.Anchor> list(@AuthenticationPrincipal DeskUser user) {
        return trust.list(user);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a CA certificate (PEM or DER, multipart field 'certificate'); audited")
    public TrustList.Anchor add(@AuthenticationPrincipal DeskUser user, @RequestParam("certificate") MultipartFile file)
            throws IOException {
        return trust.add(user, file.getBytes());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a CA certificate from the trust list (kept for the audit trail); audited")
    public void remove(@AuthenticationPrincipal DeskUser user, @PathVariable long id) {
        trust.remove(user, id);
    }
}
