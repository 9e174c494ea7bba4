package vn.motcua.extraction.header;

/** The authority prefix above a signature (Decree 30/2020, Appendix I). */
public enum SignerAuthority {
    /** TM. (thay mặt): on behalf of a collective body. */
    TM,
    /** KT. (ký thay): a deputy signing for the head. */
    KT,
    /** TL. (thừa lệnh): by order of the head. */
    TL,
    /** TUQ. (thừa ủy quyền): under delegated authority. */
    TUQ,
    /** Q. (quyền): acting head. */
    Q
}
