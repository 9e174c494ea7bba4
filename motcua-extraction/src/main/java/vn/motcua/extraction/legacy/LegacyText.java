package vn.motcua.extraction.legacy;

import java.text.Normalizer;
import java.util.Optional;

/**
 * Detects Vietnamese text that was typed in a legacy 8-bit encoding and reaches us as mojibake (the font did the
 * rendering, the text layer kept the raw codes), and converts it to Unicode. The tables are written from the published
 * definitions of TCVN 5712:1993 (VN3), VNI-Windows and VIQR (RFC 1456).
 */
public final class LegacyText {

    /** How much text the detector looks at; enough for a verdict, cheap on a 300-page document. */
    private static final int SAMPLE = 20_000;
    /** Minimum share of letters that must carry legacy evidence before we convert. */
    private static final double MIN_EVIDENCE = 0.02;
    private static final int MIN_HITS = 3;

    private LegacyText() {
    }

    /** Converts when a legacy encoding is detected; always returns NFC text. */
    public static LegacyConversion repair(String text) {
        Optional<LegacyEncoding> encoding = detect(text);
        String unicode = encoding.map(e -> convert(text, e)).orElse(text);
        return new LegacyConversion(Normalizer.normalize(unicode, Normalizer.Form.NFC), encoding);
    }

    /** The legacy encoding the text appears to be in, or empty for genuine Unicode (or too little evidence). */
    public static Optional<LegacyEncoding> detect(String text) {
        String sample = text.length() > SAMPLE ? text.substring(0, SAMPLE) : text;
        int letters = 0;
        int native_ = 0;
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
            }
            if (isNativeVietnamese(c)) {
                native_++;
            }
        }
        if (letters == 0) {
            return Optional.empty();
        }
        int tcvn = Tcvn3.evidence(sample);
        int vni = Vni.evidence(sample);
        int viqr = Viqr.evidence(sample);
        LegacyEncoding best = null;
        int bestHits = 0;
        if (tcvn > bestHits) {
            best = LegacyEncoding.TCVN3;
            bestHits = tcvn;
        }
        if (vni > bestHits) {
            best = LegacyEncoding.VNI;
            bestHits = vni;
        }
        if (viqr > bestHits) {
            best = LegacyEncoding.VIQR;
            bestHits = viqr;
        }
        // Real Unicode Vietnamese has its own letters everywhere; a few legacy-looking codes in it are noise.
        if (best == null || bestHits < MIN_HITS || bestHits < letters * MIN_EVIDENCE || native_ * 4 > bestHits) {
            return Optional.empty();
        }
        return Optional.of(best);
    }

    /** Converts text from the given legacy encoding to NFC Unicode. */
    public static String convert(String text, LegacyEncoding encoding) {
        String out = switch (encoding) {
            case TCVN3 -> Tcvn3.convert(text);
            case VNI -> Vni.convert(text);
            case VIQR -> Viqr.convert(text);
        };
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /** Letters that exist only in Vietnamese Unicode text (ă, đ, ơ, ư and the U+1EA0 block). */
    static boolean isNativeVietnamese(char c) {
        return (c >= 0x1EA0 && c <= 0x1EF9) || c == 'ă' || c == 'Ă' || c == 'đ' || c == 'Đ' || c == 'ơ' || c == 'Ơ'
                || c == 'ư' || c == 'Ư';
    }

    static boolean isVowel(char base) {
        return "aeiouy".indexOf(base) >= 0;
    }
}
