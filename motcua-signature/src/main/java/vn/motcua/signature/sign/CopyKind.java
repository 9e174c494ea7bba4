package vn.motcua.signature.sign;

/** Kinds of electronic copy (Decree 30/2020): the stamp text at the top right of page 1. */
public enum CopyKind {
    SAO_Y, TRICH_SAO, SAO_LUC
}
