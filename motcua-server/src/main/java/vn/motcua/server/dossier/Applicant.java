package vn.motcua.server.dossier;

import vn.motcua.server.audit.PersonalData;

/** The applicant: personal data, kept by the server only, never logged, never shown on the public lookup. */
public record Applicant(String name, String idNumber, String phone, String address, String email) {

    @Override
    public String toString() {
        return "Applicant[id=" + PersonalData.mask(idNumber) + "]";
    }
}
