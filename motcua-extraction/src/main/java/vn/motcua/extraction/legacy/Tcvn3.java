package vn.motcua.extraction.legacy;

/**
 * TCVN 5712:1993 VN3 ("ABC"). Each accented letter is one code in 0xA1..0xFE; text that went through a legacy font
 * arrives as the Latin-1 characters with those codes. Text typed entirely in lower-case codes for an upper-case font
 * (.VnTimeH) cannot be told apart from lower-case text and comes out in lower case.
 */
final class Tcvn3 {

    private static final char[] TABLE = new char[256];
    /** Codes that are rare in Western text but frequent in VN3 Vietnamese; they carry the detection. */
    private static final String STRONG = "¡¢£¤¥¦§¨©ª«¬®µ¶·¸¹»¼½¾ÆËÞßþ";

    static {
        String[] pairs = {
            "\u00A1Ă", "\u00A2Â", "\u00A3Ê", "\u00A4Ô", "\u00A5Ơ", "\u00A6Ư", "\u00A7Đ",
            "\u00A8ă", "\u00A9â", "\u00AAê", "\u00ABô", "\u00ACơ", "\u00ADư", "\u00AEđ",
            "\u00B5à", "\u00B6ả", "\u00B7ã", "\u00B8á", "\u00B9ạ",
            "\u00BBằ", "\u00BCẳ", "\u00BDẵ", "\u00BEắ", "\u00C6ặ",
            "\u00C7ầ", "\u00C8ẩ", "\u00C9ẫ", "\u00CAấ", "\u00CBậ",
            "\u00CCè", "\u00CEẻ", "\u00CFẽ", "\u00D0é", "\u00D1ẹ",
            "\u00D2ề", "\u00D3ể", "\u00D4ễ", "\u00D5ế", "\u00D6ệ",
            "\u00D7ì", "\u00D8ỉ", "\u00DCĩ", "\u00DDí", "\u00DEị",
            "\u00DFò", "\u00E1ỏ", "\u00E2õ", "\u00E3ó", "\u00E4ọ",
            "\u00E5ồ", "\u00E6ổ", "\u00E7ỗ", "\u00E8ố", "\u00E9ộ",
            "\u00EAờ", "\u00EBở", "\u00ECỡ", "\u00EDớ", "\u00EEợ",
            "\u00EFù", "\u00F1ủ", "\u00F2ũ", "\u00F3ú", "\u00F4ụ",
            "\u00F5ừ", "\u00F6ử", "\u00F7ữ", "\u00F8ứ", "\u00F9ự",
            "\u00FAỳ", "\u00FBỷ", "\u00FCỹ", "\u00FDý", "\u00FEỵ",
        };
        for (String pair : pairs) {
            TABLE[pair.charAt(0)] = pair.charAt(1);
        }
    }

    private Tcvn3() {
    }

    static int evidence(String text) {
        int hits = 0;
        for (int i = 0; i < text.length(); i++) {
            if (STRONG.indexOf(text.charAt(i)) >= 0 && nextToLetter(text, i)) {
                hits++;
            }
        }
        return hits;
    }

    private static boolean nextToLetter(String text, int i) {
        return (i > 0 && Character.isLetter(text.charAt(i - 1)))
                || (i + 1 < text.length() && Character.isLetter(text.charAt(i + 1)));
    }

    static String convert(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd + 1;
            convertLine(text, lineStart, lineEnd, out);
            lineStart = lineEnd;
        }
        return out.toString();
    }

    /**
     * Case: VN3 has no upper-case accented letters, so typists in caps get the lower-case codes between upper-case
     * plain letters ("CéNG HOµ"). A word is upper case when its plain letters are (two or more of them), or when it
     * has at most one plain letter and the whole line is in capitals.
     */
    private static void convertLine(String text, int start, int end, StringBuilder out) {
        int upper = 0;
        int lower = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x80 && Character.isLetter(c)) {
                upper += Character.isUpperCase(c) ? 1 : 0;
                lower += Character.isLowerCase(c) ? 1 : 0;
            }
        }
        boolean lineIsUpper = upper >= 3 && upper >= 9 * lower;
        int i = start;
        while (i < end) {
            int wordEnd = i;
            while (wordEnd < end && !Character.isWhitespace(text.charAt(wordEnd))) {
                wordEnd++;
            }
            if (wordEnd == i) {
                out.append(text.charAt(i++));
                continue;
            }
            convertWord(text, i, wordEnd, lineIsUpper, out);
            i = wordEnd;
        }
    }

    private static void convertWord(String text, int start, int end, boolean lineIsUpper, StringBuilder out) {
        int upper = 0;
        int lower = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x80 && Character.isLetter(c)) {
                upper += Character.isUpperCase(c) ? 1 : 0;
                lower += Character.isLowerCase(c) ? 1 : 0;
            }
        }
        boolean wordIsUpper = lower == 0 && (upper >= 2 || lineIsUpper);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            char mapped = c < 256 && TABLE[c] != 0 ? TABLE[c] : c;
            out.append(wordIsUpper && mapped != c ? Character.toUpperCase(mapped) : mapped);
        }
    }
}
