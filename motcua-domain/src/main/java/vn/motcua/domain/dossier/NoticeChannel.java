package vn.motcua.domain.dossier;

import vn.motcua.domain.Labelled;

/** How the apology slip (Form 04) reaches the applicant. */
public enum NoticeChannel implements Labelled {
    PAPER, EMAIL, SMS_ZALO;

    @Override
    public String labelKey() {
        return "notice." + name();
    }
}
