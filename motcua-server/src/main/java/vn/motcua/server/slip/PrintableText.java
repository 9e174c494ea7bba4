package vn.motcua.server.slip;

import org.apache.pdfbox.pdmodel.font.PDFont;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Text typed by people, made printable in an embedded font: the slips and the report PDFs use the same rule. */
public final class PrintableText {

    private PrintableText() {
    }

    /** Control characters and any kind of space print as a plain space; characters the font lacks print as '?'. */
    public static String of(PDFont font, String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                b.append(' ');
                return;
            }
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                b.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                b.append('?');
            }
        });
        return b.toString();
    }

    /**
     * Fills lines of at most {@code width} points at {@code fontSize} with the words in order, one space between them; a
     * word wider than the line is cut into pieces that fit. The words must already be printable ({@link #of}).
     */
    public static List<String> lines(PDFont font, float fontSize, String[] words, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            while (word.length() > 1 && width(font, fontSize, word) > width) {
                int cut = word.length() - 1;
                while (cut > 1 && width(font, fontSize, word.substring(0, cut)) > width) {
                    cut--;
                }
                line = fill(lines, line, word.substring(0, cut), font, fontSize, width);
                word = word.substring(cut);
            }
            line = fill(lines, line, word, font, fontSize, width);
        }
        lines.add(line.toString());
        return lines;
    }

    private static StringBuilder fill(List<String> lines, StringBuilder line, String word, PDFont font, float fontSize,
                                      float width) throws IOException {
        String candidate = line.isEmpty() ? word : line + " " + word;
        if (line.isEmpty() || width(font, fontSize, candidate) <= width) {
            return new StringBuilder(candidate);
        }
        lines.add(line.toString());
        return new StringBuilder(word);
    }

    private static float width(PDFont font, float fontSize, String s) throws IOException {
        return font.getStringWidth(s) / 1000 * fontSize;
    }
}
