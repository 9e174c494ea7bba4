package vn.motcua.domain.procedure;

import vn.motcua.domain.Labelled;

/** Online public service level since Decree 42/2022 (the legacy 1–4 scale is stored beside it). */
public enum OnlineLevel implements Labelled {
    /** Toàn trình: submit, pay and receive online. */
    FULL,
    /** Một phần: part of the procedure is online. */
    PARTIAL,
    /** Not offered online. */
    NONE;

    @Override
    public String labelKey() {
        return "online." + name();
    }
}
