package vn.motcua.domain.office;

import java.util.Objects;

/** Who acts on a dossier: a user, in a role, for an office (the office's id in the {@link OfficeDirectory}). */
public record Actor(String userId, Role role, String officeId) {

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(officeId, "officeId");
    }
}
