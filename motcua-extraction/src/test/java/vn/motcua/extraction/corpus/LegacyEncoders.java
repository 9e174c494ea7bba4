package vn.motcua.extraction.corpus;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Test-side encoders from Unicode to the legacy encodings, written from the published tables independently of the
 * converters under test, to produce the "typed with a legacy font" variants of the corpus.
 */
public final class LegacyEncoders {

    private static final Map<Character, Character> TCVN3 = new HashMap<>();

    static {
        // TCVN 5712:1993 VN3, lower-case accented letters and the seven base letters with upper-case codes.
        String unicode = "ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ";
        String vn3 = "¡¢£¤¥¦§¨©ª«¬\u00AD®µ¶·¸¹»¼½¾ÆÇÈÉÊËÌÎÏÐÑÒÓÔÕÖ×ØÜÝÞßáâãäåæçèéêëìíîïñòóôõö÷øùúûüýþ";
        for (int i = 0; i < unicode.length(); i++) {
            TCVN3.put(unicode.charAt(i), vn3.charAt(i));
        }
    }

    private LegacyEncoders() {
    }

    /** Upper-case accented letters without a VN3 code are written with the lower-case code (as Unikey does). */
    public static String toTcvn3(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : Normalizer.normalize(text, Normalizer.Form.NFC).toCharArray()) {
            Character code = TCVN3.get(c);
            if (code == null) {
                code = TCVN3.get(Character.toLowerCase(c));
            }
            out.append(code != null && c >= 0x80 ? code : c);
        }
        return out.toString();
    }

    /** VNI-Windows: base letter + diacritic code; ơ ư đ and some i/y forms are single codes. */
    public static String toVni(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : Normalizer.normalize(text, Normalizer.Form.NFC).toCharArray()) {
            out.append(vniChar(c));
        }
        return out.toString();
    }

    private static String vniChar(char c) {
        switch (c) {
            case 'đ': return "ñ";
            case 'Đ': return "Ñ";
            case 'ĩ': return "ó";
            case 'Ĩ': return "Ó";
            case 'ị': return "ò";
            case 'Ị': return "Ò";
            case 'ỉ': return "æ";
            case 'Ỉ': return "Æ";
            case 'ỵ': return "î";
            case 'Ỵ': return "Î";
            case 'ì': case 'Ì': case 'í': case 'Í': return String.valueOf(c);
            default: break;
        }
        String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        if (d.length() == 1) {
            return d;
        }
        char base = d.charAt(0);
        boolean upper = Character.isUpperCase(base);
        boolean horn = d.indexOf('\u031B') >= 0;
        boolean circ = d.indexOf('\u0302') >= 0;
        boolean breve = d.indexOf('\u0306') >= 0;
        char tone = 0;
        for (char m : d.substring(1).toCharArray()) {
            if ("\u0301\u0300\u0309\u0303\u0323".indexOf(m) >= 0) {
                tone = m;
            }
        }
        StringBuilder out = new StringBuilder();
        if (horn) {
            out.append(base == 'o' ? 'ô' : base == 'O' ? 'Ô' : base == 'u' ? 'ö' : 'Ö');
        } else {
            out.append(base);
        }
        String code;
        if (circ) {
            code = switch (tone) {
                case '\u0301' -> "á";
                case '\u0300' -> "à";
                case '\u0309' -> "å";
                case '\u0303' -> "ã";
                case '\u0323' -> "ä";
                default -> "â";
            };
        } else if (breve) {
            code = switch (tone) {
                case '\u0301' -> "é";
                case '\u0300' -> "è";
                case '\u0309' -> "ú";
                case '\u0303' -> "ü";
                case '\u0323' -> "ë";
                default -> "ê";
            };
        } else {
            code = switch (tone) {
                case '\u0301' -> "ù";
                case '\u0300' -> "ø";
                case '\u0309' -> "û";
                case '\u0303' -> "õ";
                case '\u0323' -> "ï";
                default -> "";
            };
        }
        out.append(upper ? code.toUpperCase(java.util.Locale.ROOT) : code);
        return out.toString();
    }

    /** VIQR (RFC 1456); a literal mark character after a vowel is escaped with a backslash. */
    public static String toViqr(String text) {
        StringBuilder out = new StringBuilder();
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (c == 'đ') {
                out.append("dd");
                continue;
            }
            if (c == 'Đ') {
                out.append("DD");
                continue;
            }
            if ("'`?~.^(+".indexOf(c) >= 0 && out.length() > 0
                    && "aeiouyAEIOUY^(+'`?~.".indexOf(out.charAt(out.length() - 1)) >= 0) {
                out.append('\\').append(c);
                continue;
            }
            String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            out.append(d.charAt(0));
            for (char m : new char[] {'\u0306', '\u0302', '\u031B'}) {
                if (d.indexOf(m) >= 0) {
                    out.append(m == '\u0306' ? '(' : m == '\u0302' ? '^' : '+');
                }
            }
            String tones = "\u0301\u0300\u0309\u0303\u0323";
            String marks = "'`?~.";
            for (int t = 0; t < tones.length(); t++) {
                if (d.indexOf(tones.charAt(t)) >= 0) {
                    out.append(marks.charAt(t));
                }
            }
        }
        return out.toString();
    }
}
