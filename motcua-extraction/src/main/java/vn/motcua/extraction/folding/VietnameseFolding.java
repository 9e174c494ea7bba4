package vn.motcua.extraction.folding;

import java.text.Normalizer;

/**
 * Vietnamese text folding for search: lower case without diacritics, {@code đ/Đ → d}.
 * "Quyết định số 123/QĐ-UBND" → "quyet dinh so 123/qd-ubnd".
 */
public final class VietnameseFolding {

    private static final int TABLE_SIZE = 0x2000;
    /** Folded chars for U+0000..U+1FFF (all Latin, including Vietnamese U+1EA0..U+1EF9); built once. */
    private static final char[] TABLE = buildTable();

    private VietnameseFolding() {
    }

    /**
     * Folds text for search and comparison: accepts composed (NFC) or decomposed (NFD) input, removes every combining
     * mark, maps đ/Đ to d and lower-cases. Returns "" for null.
     */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            out.append(foldChar(c));
        }
        return out.toString();
    }

    /**
     * Folds char by char, keeping the length, so that an index into the result is an index into the input. The input
     * should be NFC (a stray combining mark is kept as it is). Used where matches must map back to source spans.
     */
    public static String foldKeepingLength(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = foldChar(chars[i]);
        }
        return new String(chars);
    }

    /** The folded form of one character (its base letter, lower case). */
    public static char foldChar(char c) {
        if (c < TABLE_SIZE) {
            return TABLE[c];
        }
        return Character.toLowerCase(c);
    }

    private static char[] buildTable() {
        char[] table = new char[TABLE_SIZE];
        for (int c = 0; c < TABLE_SIZE; c++) {
            table[c] = baseOf((char) c);
        }
        return table;
    }

    private static char baseOf(char c) {
        if (c == 'đ' || c == 'Đ') {
            return 'd';
        }
        if (Character.getType(c) == Character.NON_SPACING_MARK) {
            return c;
        }
        String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        return Character.toLowerCase(d.charAt(0));
    }
}
