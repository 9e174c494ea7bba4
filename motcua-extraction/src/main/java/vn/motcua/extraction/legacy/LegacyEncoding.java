package vn.motcua.extraction.legacy;

/** The pre-Unicode Vietnamese encodings whose text layers the extractor recognises and converts. */
public enum LegacyEncoding {
    /** TCVN 5712:1993 VN3, "ABC" (fonts .VnTime, .VnTimeH): one 8-bit code per accented letter. */
    TCVN3,
    /** VNI (fonts VNI-Times): a base letter followed by 8-bit codes for the diacritics. */
    VNI,
    /** VIQR (RFC 1456): plain ASCII with mnemonic marks ({@code Vie^.t Nam}). */
    VIQR
}
