package vn.motcua.server.slip;

import org.apache.pdfbox.pdmodel.font.PDFont;

import java.io.IOException;

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
}
