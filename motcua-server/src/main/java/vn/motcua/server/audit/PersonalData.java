package vn.motcua.server.audit;

/** Masks citizen ID and phone numbers wherever they might reach a log line or a public page. */
public final class PersonalData {

    private PersonalData() {
    }

    /** Keeps the last three characters: {@code 079******123}-style masking without revealing the length's meaning. */
    public static String mask(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        int keep = Math.min(3, value.length() / 3);
        return "*".repeat(value.length() - keep) + value.substring(value.length() - keep);
    }
}
