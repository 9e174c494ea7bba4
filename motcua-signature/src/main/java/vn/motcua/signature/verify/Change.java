package vn.motcua.signature.verify;

/**
 * One change found between a signature's revision and the final file.
 *
 * @param kind    what sort of change
 * @param allowed whether it is permitted after this signature (certification level, field locks)
 * @param where   object number and key path, e.g. "12 0 R /Contents"
 */
public record Change(Kind kind, boolean allowed, String where) {

    public enum Kind {
        SIGNATURE, NEW_SIGNATURE_FIELD, DOCUMENT_TIMESTAMP, DSS, FORM_FILL, ANNOTATION, EXTENSION, METADATA,
        SIGNATURE_DICTIONARY, PAGE_CONTENT, PAGES, CATALOG, CERTIFICATION, LOCKED_FIELD, OTHER
    }
}
