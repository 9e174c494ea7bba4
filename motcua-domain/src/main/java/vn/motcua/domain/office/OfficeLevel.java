package vn.motcua.domain.office;

import vn.motcua.domain.Labelled;

/**
 * Level of local government. Until 30/06/2025: province → district → commune; since 01/07/2025 district offices no
 * longer exist (their procedures moved to the province or the commune). Offices carry validity dates, so legacy
 * district offices stay in the directory for old dossiers.
 */
public enum OfficeLevel implements Labelled {
    PROVINCE(3),
    /** Legacy: quận / huyện / thị xã, valid until 30/06/2025. */
    DISTRICT(2),
    COMMUNE(1);

    private final int rank;

    OfficeLevel(int rank) {
        this.rank = rank;
    }

    /** True when an office of this level may sit under a parent of the given level (same level: e.g. a provincial agency). */
    public boolean mayBeUnder(OfficeLevel parent) {
        return parent.rank >= rank;
    }

    /** Message-bundle key of the label ({@code level.PROVINCE}). */
    @Override
    public String labelKey() {
        return "level." + name();
    }
}
