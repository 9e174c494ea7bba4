package vn.motcua.domain.office;

import vn.motcua.domain.Labelled;

/** What a person does in an office; the state machine's guards check it. Labels: {@code role.RECEPTION} ... */
public enum Role implements Labelled {
    /** Cán bộ tiếp nhận và trả kết quả: receives dossiers, hands back results. */
    RECEPTION,
    /** Cán bộ chuyên môn: examines, asks for supplements, forwards, drafts the result. */
    SPECIALIST,
    /** Lãnh đạo: approves and signs results. */
    LEADER,
    /** Văn thư / lưu trữ: archives finished dossiers. */
    ARCHIVIST,
    /** Configures offices, procedures and the calendar; takes no part in a dossier's life. */
    ADMIN;

    @Override
    public String labelKey() {
        return "role." + name();
    }
}
