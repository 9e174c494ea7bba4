package vn.motcua.extraction.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A document as rows of (left, right) text plus full-width lines, independent of the file format. Text passes
 * through an encoder so that the same document can be written in a legacy encoding.
 */
final class Page {

    /** A header or footer block: two columns. */
    record Columns(List<String> left, List<String> right) {
    }

    final Columns headerTop;
    final Columns headerNumberRow;
    final List<String> middle;
    final Columns footer;

    private Page(Columns headerTop, Columns headerNumberRow, List<String> middle, Columns footer) {
        this.headerTop = headerTop;
        this.headerNumberRow = headerNumberRow;
        this.middle = middle;
        this.footer = footer;
    }

    static Page of(Spec spec, UnaryOperator<String> encode) {
        List<String> right = new ArrayList<>();
        if (spec.nationalTitle()) {
            right.add("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            right.add("Độc lập - Tự do - Hạnh phúc");
        }
        List<String> numberLeft = new ArrayList<>(List.of(spec.numberLine()));
        if (spec.summaryInHeader()) {
            numberLeft.addAll(spec.summaryLines());
        }
        List<String> middle = new ArrayList<>();
        if (spec.typeLine() != null) {
            middle.add(spec.typeLine());
            middle.addAll(spec.summaryLines());
        }
        middle.addAll(spec.bodyLines());
        middle.addAll(filler(spec.fillerParagraphs()));
        return new Page(new Columns(enc(spec.orgLines(), encode), enc(right, encode)),
                new Columns(enc(numberLeft, encode), enc(spec.dateLines(), encode)), enc(middle, encode),
                new Columns(enc(spec.recipientLines(), encode), enc(spec.signatureLines(), encode)));
    }

    /** Numbered paragraphs that lengthen a document without touching its header or signature. */
    static List<String> filler(int paragraphs) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < paragraphs; i++) {
            out.add("Nội dung chi tiết, phần " + (i + 1) + ": các cơ quan, đơn vị tiếp tục thực hiện nhiệm vụ được"
                    + " giao, bảo đảm tiến độ và chất lượng giải quyết thủ tục hành chính.");
        }
        return out;
    }

    private static List<String> enc(List<String> lines, UnaryOperator<String> encode) {
        return lines.stream().map(encode).toList();
    }
}
