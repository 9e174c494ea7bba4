package vn.motcua.extraction.header;

/**
 * One extracted header field.
 *
 * @param value      the value, whitespace collapsed
 * @param confidence how sure the rule that found it is, 0..1 (fixed per rule, documented in the README)
 * @param start      offset of the source span in the parsed text (inclusive)
 * @param end        offset of the source span in the parsed text (exclusive)
 * @param source     the parsed text between start and end, as it was
 */
public record Field<T>(T value, double confidence, int start, int end, String source) {
}
