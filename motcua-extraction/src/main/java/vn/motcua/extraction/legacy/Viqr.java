package vn.motcua.extraction.legacy;

/**
 * VIQR (RFC 1456): ASCII letters followed by mnemonic marks: {@code ( ^ +} for breve, circumflex and horn,
 * {@code ' ` ? ~ .} for the five tones, {@code dd} for đ, {@code \} to escape. A {@code ?} or {@code .} after a plain
 * lower-case vowel at the end of a sentence ({@code sao?}, then a capital, a line end or the end) is punctuation.
 */
final class Viqr {

    private Viqr() {
    }

    private static char modifier(char vowel, char mark) {
        char v = Character.toLowerCase(vowel);
        return switch (mark) {
            case '(' -> v == 'a' ? '\u0306' : 0;
            case '^' -> v == 'a' || v == 'e' || v == 'o' ? '\u0302' : 0;
            case '+' -> v == 'o' || v == 'u' ? '\u031B' : 0;
            default -> 0;
        };
    }

    private static char tone(char mark) {
        return switch (mark) {
            case '\'' -> '\u0301';
            case '`' -> '\u0300';
            case '?' -> '\u0309';
            case '~' -> '\u0303';
            case '.' -> '\u0323';
            default -> 0;
        };
    }

    private static boolean isVowel(char c) {
        return c < 0x80 && LegacyText.isVowel(Character.toLowerCase(c));
    }

    static int evidence(String text) {
        int hits = 0;
        for (int i = 0; i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            char next = text.charAt(i + 1);
            if (isVowel(c) && modifier(c, next) != 0 && (i + 2 >= text.length() || text.charAt(i + 2) != ' '
                    || next == '^' || next == '+')) {
                hits++;
            } else if (isVowel(c) && (next == '`' || next == '~')) {
                hits++;
            } else if (isVowel(c) && tone(next) != 0 && i + 2 < text.length() && isAsciiLetter(text.charAt(i + 2))) {
                hits++;
            } else if ((c == 'd' || c == 'D') && (next == 'd' || next == 'D') && i + 2 < text.length()
                    && isVowel(text.charAt(i + 2)) && (i == 0 || !Character.isLetter(text.charAt(i - 1)))) {
                hits++;
            }
        }
        return hits;
    }

    private static boolean isAsciiLetter(char c) {
        return c < 0x80 && Character.isLetter(c);
    }

    static String convert(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < n) {
                out.append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            if ((c == 'd' || c == 'D') && i + 1 < n && (text.charAt(i + 1) == 'd' || text.charAt(i + 1) == 'D')
                    && (i == 0 || !Character.isLetter(text.charAt(i - 1)))) {
                out.append(c == 'D' ? 'Đ' : 'đ');
                i += 2;
                continue;
            }
            if (!isVowel(c)) {
                out.append(c);
                i++;
                continue;
            }
            out.append(c);
            i++;
            boolean modified = false;
            if (i < n && modifier(c, text.charAt(i)) != 0) {
                out.append(modifier(c, text.charAt(i)));
                modified = true;
                i++;
            }
            if (i < n && tone(text.charAt(i)) != 0) {
                char mark = text.charAt(i);
                boolean nextIsLetter = i + 1 < n && isAsciiLetter(text.charAt(i + 1));
                // Before a lower-case word, or inside a line in capitals ("CHU? TI.CH"), a mark is a tone.
                boolean midSentence = i + 2 < n && text.charAt(i + 1) == ' '
                        && (Character.isLowerCase(text.charAt(i + 2))
                        || Character.isUpperCase(c) && Character.isUpperCase(text.charAt(i + 2)));
                boolean beforePunctuation = i + 1 < n && ",;:)]".indexOf(text.charAt(i + 1)) >= 0;
                boolean unambiguous = mark == '`' || mark == '~' || mark == '\'';
                if (unambiguous || nextIsLetter || modified || midSentence || beforePunctuation) {
                    out.append(tone(mark));
                    i++;
                }
            }
        }
        return out.toString();
    }
}
