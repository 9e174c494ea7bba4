package vn.motcua.domain.dossier;

import vn.motcua.domain.Labelled;

/** How a dossier is received, or how its result is returned: at the counter, by public post (BCCI), or online. */
public enum Channel implements Labelled {
    COUNTER, POST, ONLINE;

    @Override
    public String labelKey() {
        return "channel." + name();
    }
}
