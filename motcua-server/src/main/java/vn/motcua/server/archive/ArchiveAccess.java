package vn.motcua.server.archive;

import org.springframework.security.access.AccessDeniedException;
import vn.motcua.domain.office.Role;
import vn.motcua.server.security.DeskUser;

import java.util.List;

/** Who may search and export the archive: archivists and leaders, within their office's scope. */
final class ArchiveAccess {

    private ArchiveAccess() {
    }

    static List<String> scope(DeskUser user, ArchiveSearch search) {
        if (user == null || !(user.has(Role.ARCHIVIST) || user.has(Role.LEADER))) {
            throw new AccessDeniedException("archive");
        }
        return search.scope(user.officeId());
    }

    /** The names of the criteria used, for the audit trail: never their values, which may be personal data. */
    static String criteria(org.springframework.util.MultiValueMap<String, String> params) {
        return params.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(v -> v != null && !v.isBlank()))
                .map(java.util.Map.Entry::getKey).sorted().toList().toString();
    }
}
