package vn.motcua.extraction.header;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts the text into segments: lines, further cut where two columns of the header or of the signature block were
 * extracted onto one line (PDF text read line by line). Every segment keeps its offsets in the original text.
 */
final class Segments {

    /** A trimmed, non-empty piece of one line. */
    record Segment(int start, int end) {
    }

    static final Pattern NATIONAL_TITLE = Pattern.compile("cong\\s*hoa\\s+xa\\s+hoi\\s+chu\\s+nghia\\s+viet\\s+nam");
    static final Pattern MOTTO = Pattern.compile("doc\\s*lap\\s*[-\u2013\u2014]\\s*tu\\s*do\\s*[-\u2013\u2014]\\s*hanh\\s*phuc");
    static final Pattern RECIPIENTS = Pattern.compile("noi\\s*nhan\\s*:");
    /** A complete date ends its segment: what follows on the line came from the other column. */
    private static final Pattern DATE_END = Pattern.compile("ngay\\s*\\d{1,2}\\s*thang\\s*\\d{1,2}\\s*nam\\s*\\d{4}");
    /** Number and symbol on folded text: "so: 123/qd-ubnd", "so : 1.204 / ubnd - vp", "so: /qd-ubnd" (no number yet). */
    static final Pattern NUMBER_SYMBOL = Pattern.compile(
            "^so\\s*:\\s*(\\d+(?:\\.\\d{3})*[a-z]?)?\\s*/\\s*([a-z0-9]+(?:\\s*[-/.\u2013]\\s*[a-z0-9]+)*)");
    /** An authority prefix in the original text, upper case, preceded by other text on the same line. */
    private static final Pattern PREFIX_INSIDE = Pattern.compile("(?<=\\S\\s{1,40})(?:TM|KT|TL|TUQ|Q)\\.\\s*(?=\\p{Lu})");
    /** End of a recipient item followed by something that is not its continuation. */
    private static final Pattern ITEM_END = Pattern.compile("[;.]\\s+(?=[^\\p{Ll}\\s])");

    private final String text;
    private final String folded;

    Segments(String text, String folded) {
        this.text = text;
        this.folded = folded;
    }

    /** Only the head and the tail of a long text can hold header fields; the middle is not split at all. */
    static final int HEAD_CHARS = 20_000;
    static final int TAIL_CHARS = 20_000;

    List<Segment> split() {
        List<Segment> out = new ArrayList<>();
        int lineStart = 0;
        int tailStart = Math.max(HEAD_CHARS, text.length() - TAIL_CHARS);
        for (int i = 0; i <= text.length(); i++) {
            if (i == HEAD_CHARS && i < tailStart) {
                i = tailStart;
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
                lineStart = i + 1;
                continue;
            }
            if (i == text.length() || text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                if (i > lineStart) {
                    splitLine(lineStart, i, out);
                }
                lineStart = i + 1;
            }
        }
        return out;
    }

    private void splitLine(int start, int end, List<Segment> out) {
        List<int[]> pieces = new ArrayList<>();
        pieces.add(new int[] {start, end});
        pieces = cutAround(pieces, NATIONAL_TITLE);
        pieces = cutAround(pieces, MOTTO);
        pieces = cutAround(pieces, RECIPIENTS);
        pieces = cutAfterSymbol(pieces);
        pieces = cutAfter(pieces, DATE_END);
        pieces = cutBefore(pieces, PREFIX_INSIDE);
        pieces = cutRecipientItems(pieces);
        for (int[] p : pieces) {
            int s = p[0];
            int e = p[1];
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            if (e > s) {
                out.add(new Segment(s, e));
            }
        }
    }

    /** Cuts before and after each match of a pattern on the folded text. */
    private List<int[]> cutAround(List<int[]> pieces, Pattern foldedPattern) {
        List<int[]> out = new ArrayList<>();
        for (int[] p : pieces) {
            Matcher m = foldedPattern.matcher(folded).region(p[0], p[1]);
            int from = p[0];
            while (m.find()) {
                addIfNotEmpty(out, from, m.start());
                addIfNotEmpty(out, m.start(), m.end());
                from = m.end();
            }
            addIfNotEmpty(out, from, p[1]);
        }
        return out;
    }

    /** Cuts before each match of a pattern on the original text (it needs the case). */
    private List<int[]> cutBefore(List<int[]> pieces, Pattern pattern) {
        List<int[]> out = new ArrayList<>();
        for (int[] p : pieces) {
            Matcher m = pattern.matcher(text).region(p[0], p[1]);
            int from = p[0];
            while (m.find()) {
                addIfNotEmpty(out, from, m.start());
                from = m.start();
            }
            addIfNotEmpty(out, from, p[1]);
        }
        return out;
    }

    /** Cuts after each match of a pattern on the folded text. */
    private List<int[]> cutAfter(List<int[]> pieces, Pattern foldedPattern) {
        List<int[]> out = new ArrayList<>();
        for (int[] p : pieces) {
            Matcher m = foldedPattern.matcher(folded).region(p[0], p[1]);
            int from = p[0];
            while (m.find()) {
                addIfNotEmpty(out, from, m.end());
                from = m.end();
            }
            addIfNotEmpty(out, from, p[1]);
        }
        return out;
    }

    private List<int[]> cutAfterSymbol(List<int[]> pieces) {
        List<int[]> out = new ArrayList<>();
        for (int[] p : pieces) {
            int s = skipSpace(p[0], p[1]);
            Matcher m = NUMBER_SYMBOL.matcher(folded).region(s, p[1]);
            if (m.find()) {
                addIfNotEmpty(out, p[0], m.end());
                addIfNotEmpty(out, m.end(), p[1]);
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** "- Như trên; CHỦ TỊCH" (two columns on one line) becomes "- Như trên;" and "CHỦ TỊCH". */
    private List<int[]> cutRecipientItems(List<int[]> pieces) {
        List<int[]> out = new ArrayList<>();
        for (int[] p : pieces) {
            int s = skipSpace(p[0], p[1]);
            if (s < p[1] && isBullet(text.charAt(s))) {
                Matcher m = ITEM_END.matcher(text).region(s, p[1]);
                int from = p[0];
                while (m.find()) {
                    addIfNotEmpty(out, from, m.start() + 1);
                    from = m.start() + 1;
                }
                addIfNotEmpty(out, from, p[1]);
            } else {
                out.add(p);
            }
        }
        return out;
    }

    static boolean isBullet(char c) {
        return c == '-' || c == '+' || c == '\u2022' || c == '\u2013' || c == '*';
    }

    private int skipSpace(int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        return from;
    }

    private void addIfNotEmpty(List<int[]> out, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                out.add(new int[] {from, to});
                return;
            }
        }
    }
}
