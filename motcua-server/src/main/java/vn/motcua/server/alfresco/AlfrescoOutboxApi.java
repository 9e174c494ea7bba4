package vn.motcua.server.alfresco;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.domain.office.Role;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.server.security.DeskUser;

/** The outbox backlog as JSON, for administrators and monitoring: {@code GET /api/alfresco/outbox}. */
@RestController
@ConditionalOnProperty(name = "motcua.store", havingValue = "alfresco")
class AlfrescoOutboxApi {

    private final AlfrescoOutbox outbox;

    AlfrescoOutboxApi(AlfrescoOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/api/alfresco/outbox")
    AlfrescoOutbox.Backlog backlog(@AuthenticationPrincipal DeskUser user) {
        if (user == null || !user.has(Role.ADMIN)) {
            throw new DeskException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
        return outbox.backlog();
    }
}
