package vn.motcua.server.dossier;

import vn.motcua.domain.dossier.Dossier;

/** A dossier as the desk stores it: the domain aggregate, its row id and the applicant. */
public record StoredDossier(long id, Dossier dossier, Applicant applicant) {

    public String code() {
        return dossier.code().value();
    }
}
