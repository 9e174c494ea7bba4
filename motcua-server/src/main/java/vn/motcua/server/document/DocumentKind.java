package vn.motcua.server.document;

/** A component the applicant provided, a draft result, or a (signed) result document. */
public enum DocumentKind { COMPONENT, DRAFT, RESULT }
