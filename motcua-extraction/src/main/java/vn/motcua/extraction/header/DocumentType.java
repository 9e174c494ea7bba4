package vn.motcua.extraction.header;

import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Administrative document types and their symbol abbreviations (Decree 30/2020, Appendix III). Labels (Vietnamese and
 * English) come from the message bundle; {@code foldedName} is the type line folded for matching.
 */
public enum DocumentType {
    RESOLUTION("NQ", "nghi quyet"),
    DECISION("QĐ", "quyet dinh"),
    DIRECTIVE("CT", "chi thi"),
    REGULATION("QC", "quy che"),
    RULES("QyĐ", "quy dinh"),
    COMMUNIQUE("TC", "thong cao"),
    NOTICE("TB", "thong bao"),
    GUIDANCE("HD", "huong dan"),
    PROGRAMME("CTr", "chuong trinh"),
    PLAN("KH", "ke hoach"),
    SCHEME("PA", "phuong an"),
    PROPOSAL("ĐA", "de an"),
    PROJECT("DA", "du an"),
    REPORT("BC", "bao cao"),
    MINUTES("BB", "bien ban"),
    SUBMISSION("TTr", "to trinh"),
    CONTRACT("HĐ", "hop dong"),
    OFFICIAL_TELEGRAM("CĐ", "cong dien"),
    AUTHORIZATION("GUQ", "giay uy quyen"),
    INVITATION("GM", "giay moi"),
    INTRODUCTION("GGT", "giay gioi thieu"),
    DISPATCH_NOTE("PG", "phieu gui"),
    TRANSFER_NOTE("PC", "phieu chuyen"),
    NOTIFICATION_NOTE("PB", "phieu bao"),
    /** Công văn: no abbreviation; its symbol is issuer-unit, e.g. 15/UBND-VP. */
    OFFICIAL_LETTER(null, "cong van"),
    PUBLIC_LETTER(null, "thu cong");

    private final String abbreviation;
    private final String foldedName;

    DocumentType(String abbreviation, String foldedName) {
        this.abbreviation = abbreviation;
        this.foldedName = foldedName;
    }

    /** The abbreviation used in document symbols (QĐ, TB, ...); empty for công văn and thư công. */
    public Optional<String> abbreviation() {
        return Optional.ofNullable(abbreviation);
    }

    String foldedName() {
        return foldedName;
    }

    /** The type's name in the given language (vi or en). */
    public String label(Locale locale) {
        return ResourceBundle.getBundle("vn.motcua.extraction.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                .getString("documentType." + name());
    }

    /** The type whose abbreviation this is; exact first, then ignoring case (QYĐ, TTR). */
    static Optional<DocumentType> byAbbreviation(String token) {
        for (DocumentType t : values()) {
            if (token.equals(t.abbreviation)) {
                return Optional.of(t);
            }
        }
        for (DocumentType t : values()) {
            if (t.abbreviation != null && token.toUpperCase(Locale.ROOT).equals(t.abbreviation.toUpperCase(Locale.ROOT))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    static Optional<DocumentType> byFoldedName(String folded) {
        for (DocumentType t : values()) {
            if (t.foldedName.equals(folded)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
