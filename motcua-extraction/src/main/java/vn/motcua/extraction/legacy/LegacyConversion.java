package vn.motcua.extraction.legacy;

import java.util.Optional;

/**
 * Text after legacy-encoding repair.
 *
 * @param text      the text in NFC Unicode (unchanged apart from NFC when no legacy encoding was found)
 * @param converted the legacy encoding the text was converted from, empty when it was already Unicode
 */
public record LegacyConversion(String text, Optional<LegacyEncoding> converted) {
}
