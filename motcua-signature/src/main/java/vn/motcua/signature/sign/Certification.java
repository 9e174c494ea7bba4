package vn.motcua.signature.sign;

/** DocMDP permissions of a certification signature (ISO 32000-1 §12.8.2.2): what may change after certifying. */
public enum Certification {
    /** P=1: no changes at all, not even further signatures. */
    NO_CHANGES(1),
    /** P=2: form filling and further signatures. */
    FORM_FILLING_AND_SIGNING(2),
    /** P=3: as P=2, plus annotations. */
    ANNOTATIONS_FORM_FILLING_AND_SIGNING(3);

    private final int permission;

    Certification(int permission) {
        this.permission = permission;
    }

    /** The /P value. */
    public int permission() {
        return permission;
    }
}
