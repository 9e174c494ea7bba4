package vn.motcua.extraction.legacy;

import vn.motcua.extraction.folding.VietnameseFolding;

/**
 * VNI-Windows: a plain base letter followed by one code for its diacritics ({@code Vieät} = Việt), plus single codes
 * for ơ, ư, đ and a few i/y forms. Converted to a base letter and Unicode combining marks, then composed (NFC).
 */
final class Vni {

    private static final String TONES = "\u0301\u0300\u0309\u0303\u0323";
    private static final char CIRCUMFLEX = '\u0302';
    private static final char BREVE = '\u0306';

    private Vni() {
    }

    /** Standalone codes: the letter they stand for, or 0. */
    private static char letter(char c) {
        return switch (c) {
            case 'ô' -> 'ơ';
            case 'Ô' -> 'Ơ';
            case 'ö' -> 'ư';
            case 'Ö' -> 'Ư';
            case 'ñ' -> 'đ';
            case 'Ñ' -> 'Đ';
            case 'ó' -> 'ĩ';
            case 'Ó' -> 'Ĩ';
            case 'ò' -> 'ị';
            case 'Ò' -> 'Ị';
            case 'æ' -> 'ỉ';
            case 'Æ' -> 'Ỉ';
            case 'î' -> 'ỵ';
            case 'Î' -> 'Ỵ';
            default -> 0;
        };
    }

    /** Diacritic codes: the combining marks they stand for, or null. Upper- and lower-case codes mean the same. */
    private static String marks(char c) {
        return switch (Character.toLowerCase(c)) {
            case 'ù' -> "\u0301";
            case 'ø' -> "\u0300";
            case 'û' -> "\u0309";
            case 'õ' -> "\u0303";
            case 'ï' -> "\u0323";
            case 'â' -> "" + CIRCUMFLEX;
            case 'á' -> CIRCUMFLEX + "\u0301";
            case 'à' -> CIRCUMFLEX + "\u0300";
            case 'å' -> CIRCUMFLEX + "\u0309";
            case 'ã' -> CIRCUMFLEX + "\u0303";
            case 'ä' -> CIRCUMFLEX + "\u0323";
            case 'ê' -> "" + BREVE;
            case 'é' -> BREVE + "\u0301";
            case 'è' -> BREVE + "\u0300";
            case 'ú' -> BREVE + "\u0309";
            case 'ü' -> BREVE + "\u0303";
            case 'ë' -> BREVE + "\u0323";
            default -> null;
        };
    }

    static int evidence(String text) {
        int hits = 0;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            char prev = text.charAt(i - 1);
            String m = marks(c);
            boolean afterVowel = prev < 0x80 && LegacyText.isVowel(Character.toLowerCase(prev))
                    || prev == 'ô' || prev == 'ö' || prev == 'Ô' || prev == 'Ö';
            if (m != null && afterVowel && accepts(VietnameseFolding.foldChar(prev), false, m)) {
                hits++;
            } else if ((c == 'ñ' || c == 'Ñ') && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1))) {
                hits++;
            }
        }
        return hits;
    }

    static String convert(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String m = marks(c);
            int base = baseIndex(out);
            if (m != null && base >= 0) {
                char baseLetter = VietnameseFolding.foldChar(out.charAt(base));
                boolean hasModifier = hasModifier(out, base);
                if (accepts(baseLetter, hasModifier, m)) {
                    out.append(m);
                    continue;
                }
            }
            char l = letter(c);
            out.append(l != 0 ? l : c);
        }
        return out.toString();
    }

    /** Circumflex only on a/e/o, breve only on a, a tone on any vowel that has no tone yet. */
    private static boolean accepts(char base, boolean hasModifier, String m) {
        if (!LegacyText.isVowel(base)) {
            return false;
        }
        char first = m.charAt(0);
        if (first == CIRCUMFLEX) {
            return !hasModifier && (base == 'a' || base == 'e' || base == 'o');
        }
        if (first == BREVE) {
            return !hasModifier && base == 'a';
        }
        return true;
    }

    /** Index of the letter the next mark would attach to: the last char, skipping marks already attached. */
    private static int baseIndex(StringBuilder out) {
        int i = out.length() - 1;
        while (i >= 0 && Character.getType(out.charAt(i)) == Character.NON_SPACING_MARK) {
            if (TONES.indexOf(out.charAt(i)) >= 0) {
                return -1;
            }
            i--;
        }
        return i >= 0 && Character.isLetter(out.charAt(i)) ? i : -1;
    }

    private static boolean hasModifier(StringBuilder out, int base) {
        char c = out.charAt(base);
        return base + 1 < out.length() || "ơưƠƯ".indexOf(c) >= 0;
    }
}
