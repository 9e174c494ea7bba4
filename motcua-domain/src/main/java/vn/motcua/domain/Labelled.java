package vn.motcua.domain;

/** A value with a label in the message bundles; as a message argument it is shown by its label in the reader's language. */
public interface Labelled {

    String labelKey();
}
