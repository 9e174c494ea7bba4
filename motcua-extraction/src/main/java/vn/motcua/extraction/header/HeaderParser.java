package vn.motcua.extraction.header;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.motcua.extraction.folding.VietnameseFolding;
import vn.motcua.extraction.header.Segments.Segment;

/**
 * Reads the Decree-30/2020 header fields from a document's text. Works on the text as any extractor produced it:
 * columns of the header table one after the other (DOCX, PDF read by column) or merged line by line (PDF read by
 * position), with irregular spacing and case. Matching is done on a folded copy of the text (same length), so every
 * field keeps the exact span it came from. Confidences are fixed per rule.
 */
public final class HeaderParser {

    /** The header lives in the first lines; the signature block and recipients in the last ones. */
    private static final int TOP_SEGMENTS = 60;
    private static final int BOTTOM_SEGMENTS = 60;

    private static final Pattern DATE = Pattern.compile(
            "ngay\\s*(\\d{1,2})\\s*thang\\s*(\\d{1,2})\\s*nam\\s*(\\d{4})");
    private static final Pattern PLACE_DATE_START = Pattern.compile(",\\s*ngay\\s*\\d|^ngay\\s*\\d{1,2}\\s*thang");
    private static final Pattern ABOUT = Pattern.compile("^v\\s*/\\s*v\\b");
    private static final Pattern BODY_START = Pattern.compile("^(can\\s*cu|kinh\\s*gui|dieu\\s*1\\b|phan\\s*i\\b)");
    private static final Pattern PREFIX = Pattern.compile("^(TM|KT|TL|TUQ|Q)\\s*\\.\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern PERSON_NAME = Pattern.compile(
            "^\\p{Lu}[\\p{Ll}]*(?:\\s+\\p{Lu}[\\p{Ll}]*){1,5}$");
    private static final Pattern SIGNATURE_NOTE = Pattern.compile("^[(\\[].*[)\\]]$");

    private static final double C_NATIONAL_TITLE = 0.99;
    private static final double C_NUMBER = 0.95;
    private static final double C_DATE = 0.95;
    private static final double C_PLACE = 0.9;
    private static final double C_BODY = 0.9;
    private static final double C_PARENT = 0.85;
    private static final double C_BODY_NO_TITLE = 0.75;
    private static final double C_TYPE_BOTH = 0.99;
    private static final double C_TYPE_LINE = 0.95;
    private static final double C_TYPE_SYMBOL = 0.85;
    private static final double C_TYPE_CONFLICT = 0.6;
    private static final double C_TYPE_LETTER = 0.85;
    private static final double C_SUMMARY = 0.85;
    private static final double C_PREFIX = 0.95;
    private static final double C_SIGNER = 0.85;
    private static final double C_RECIPIENTS = 0.9;

    private final String text;
    private final String folded;
    private final List<Segment> segments;

    private HeaderParser(String text) {
        this.text = text;
        this.folded = VietnameseFolding.foldKeepingLength(text);
        this.segments = new Segments(text, folded).split();
    }

    /**
     * Parses the header of a document. Offsets in the returned fields refer to {@code text} after NFC normalisation
     * (the text the extraction facade returns is already NFC, so they refer to it directly).
     */
    public static DocumentHeader parse(String text) {
        if (text == null || text.isBlank()) {
            return DocumentHeader.empty();
        }
        return new HeaderParser(Normalizer.normalize(text, Normalizer.Form.NFC)).parse();
    }

    private DocumentHeader parse() {
        int topEnd = topEnd();
        Optional<Field<String>> title = Optional.empty();
        int numberIndex = -1;
        Optional<Field<String>> number = Optional.empty();
        Optional<Field<String>> symbol = Optional.empty();
        Optional<Field<String>> place = Optional.empty();
        Optional<Field<LocalDate>> date = Optional.empty();
        int dateIndex = -1;
        for (int i = 0; i < topEnd; i++) {
            Segment s = segments.get(i);
            if (title.isEmpty() && matchesWhole(Segments.NATIONAL_TITLE, s)) {
                title = Optional.of(field(collapse(s), C_NATIONAL_TITLE, s.start(), s.end()));
            }
            if (numberIndex < 0) {
                Matcher m = Segments.NUMBER_SYMBOL.matcher(folded).region(s.start(), s.end());
                if (m.lookingAt()) {
                    numberIndex = i;
                    if (m.group(1) != null) {
                        number = Optional.of(field(text.substring(m.start(1), m.end(1)), C_NUMBER, m.start(1), m.end(1)));
                    }
                    String sym = text.substring(m.start(2), m.end(2)).replaceAll("\\s+", "").replace('\u2013', '-');
                    symbol = Optional.of(field(sym, C_NUMBER, m.start(2), m.end(2)));
                }
            }
            if (dateIndex < 0 && PLACE_DATE_START.matcher(folded).region(s.start(), s.end()).find()) {
                Matcher d = DATE.matcher(folded).region(s.start(), Math.min(text.length(), s.end() + 40));
                if (d.find()) {
                    dateIndex = i;
                    date = toDate(d);
                    int comma = text.indexOf(',', s.start());
                    if (comma > s.start() && comma < d.start()) {
                        String p = collapse(s.start(), comma);
                        if (p.chars().anyMatch(Character::isLetter)) {
                            place = Optional.of(field(p, C_PLACE, s.start(), comma));
                        }
                    }
                }
            }
        }

        int typeIndex = -1;
        Optional<DocumentType> typeFromLine = Optional.empty();
        int bodyLimit = numberIndex >= 0 ? numberIndex : topEnd;
        for (int i = 0; i < topEnd && typeIndex < 0; i++) {
            Segment s = segments.get(i);
            if (isUpper(s)) {
                Optional<DocumentType> t = DocumentType.byFoldedName(collapse(folded, s.start(), s.end()));
                if (t.isPresent()) {
                    typeIndex = i;
                    typeFromLine = t;
                }
            }
        }
        if (numberIndex < 0 && typeIndex >= 0) {
            bodyLimit = typeIndex;
        }

        List<Segment> bodyLines = new ArrayList<>();
        for (int i = 0; i < Math.min(bodyLimit, topEnd); i++) {
            Segment s = segments.get(i);
            if (isSeparator(s) || matchesWhole(Segments.NATIONAL_TITLE, s) || matchesWhole(Segments.MOTTO, s)
                    || i == dateIndex || i == typeIndex) {
                continue;
            }
            if (isUpper(s)) {
                bodyLines.add(s);
            }
        }
        List<List<Segment>> bodies = groupBodyLines(bodyLines);
        Optional<Field<String>> body = Optional.empty();
        Optional<Field<String>> parent = Optional.empty();
        double bodyConfidence = title.isPresent() ? C_BODY : C_BODY_NO_TITLE;
        // Upper-case lines are an issuing body only in a document that shows the Decree-30 layout at all.
        boolean layout = title.isPresent() || numberIndex >= 0 || typeIndex >= 0;
        if (layout && !bodies.isEmpty()) {
            body = Optional.of(join(bodies.get(bodies.size() - 1), bodyConfidence));
            if (bodies.size() > 1) {
                parent = Optional.of(join(bodies.subList(0, bodies.size() - 1).stream().flatMap(List::stream).toList(),
                        title.isPresent() ? C_PARENT : C_BODY_NO_TITLE));
            }
        }

        Optional<Field<String>> summary = Optional.empty();
        int aboutIndex = -1;
        for (int i = 0; i < topEnd; i++) {
            if (ABOUT.matcher(folded).region(segments.get(i).start(), segments.get(i).end()).lookingAt()) {
                aboutIndex = i;
                break;
            }
        }
        int headerEnd = Math.max(Math.max(numberIndex, dateIndex), Math.max(typeIndex, aboutIndex));
        if (aboutIndex >= 0) {
            List<Segment> lines = withContinuations(aboutIndex);
            summary = Optional.of(join(lines, C_SUMMARY));
            headerEnd = Math.max(headerEnd, aboutIndex + lines.size() - 1);
        } else if (typeIndex >= 0) {
            int i = typeIndex + 1;
            while (i < segments.size() && isSeparator(segments.get(i))) {
                i++;
            }
            if (i < segments.size() && !isUpper(segments.get(i)) && !isAnchor(segments.get(i))
                    && !BODY_START.matcher(folded).region(segments.get(i).start(), segments.get(i).end()).lookingAt()) {
                List<Segment> lines = withContinuations(i);
                summary = Optional.of(join(lines, C_SUMMARY));
                headerEnd = Math.max(headerEnd, i + lines.size() - 1);
            }
        }

        Optional<Field<DocumentType>> type = documentType(typeIndex, typeFromLine, symbol, aboutIndex);

        Bottom bottom = bottom(headerEnd + 1);
        return new DocumentHeader(title, parent, body, number, symbol, type, place, date, summary,
                bottom.authority, bottom.onBehalfOf, bottom.title, bottom.name, bottom.recipients);
    }

    private Optional<Field<DocumentType>> documentType(int typeIndex, Optional<DocumentType> fromLine,
            Optional<Field<String>> symbol, int aboutIndex) {
        Optional<DocumentType> fromSymbol = symbol.flatMap(s -> abbreviationOf(s.value()));
        if (fromLine.isPresent()) {
            Segment s = segments.get(typeIndex);
            double c = fromSymbol.isEmpty() ? C_TYPE_LINE : fromSymbol.equals(fromLine) ? C_TYPE_BOTH : C_TYPE_CONFLICT;
            return Optional.of(field(fromLine.get(), c, s.start(), s.end()));
        }
        if (fromSymbol.isPresent()) {
            Field<String> s = symbol.get();
            return Optional.of(new Field<>(fromSymbol.get(), C_TYPE_SYMBOL, s.start(), s.end(), s.source()));
        }
        if (symbol.isPresent() && aboutIndex >= 0) {
            // A công văn carries no type line and no type abbreviation, but always its "V/v" summary.
            Segment s = segments.get(aboutIndex);
            return Optional.of(field(DocumentType.OFFICIAL_LETTER, C_TYPE_LETTER, s.start(), s.end()));
        }
        return Optional.empty();
    }

    /** "123/2022/QĐ-UBND" → QĐ; "15/UBND-VP" → nothing (UBND is not a type). */
    private static Optional<DocumentType> abbreviationOf(String symbol) {
        for (String part : symbol.split("[/-]")) {
            if (part.isEmpty() || part.chars().allMatch(Character::isDigit)) {
                continue;
            }
            return DocumentType.byAbbreviation(part);
        }
        return Optional.empty();
    }

    private record Bottom(Optional<Field<SignerAuthority>> authority, Optional<Field<String>> onBehalfOf,
            Optional<Field<String>> title, Optional<Field<String>> name, Optional<Field<List<String>>> recipients) {
    }

    /**
     * Recipients and signature, searched in the last lines after the header. In a PDF read line by line the two
     * columns alternate ("Nơi nhận:" / "TM. ỦY BAN NHÂN DÂN" / "- Như trên;" / "CHỦ TỊCH"), so each block skips the
     * other block's lines instead of stopping at them.
     */
    private Bottom bottom(int afterHeader) {
        int from = Math.max(afterHeader, segments.size() - BOTTOM_SEGMENTS);
        Optional<Field<List<String>>> recipients = Optional.empty();
        for (int i = segments.size() - 1; i >= from; i--) {
            Segment s = segments.get(i);
            if (Segments.RECIPIENTS.matcher(folded).region(s.start(), s.end()).lookingAt()) {
                recipients = recipients(i);
                break;
            }
        }
        for (int i = segments.size() - 1; i >= from; i--) {
            Segment s = segments.get(i);
            String value = collapse(s);
            if (isBulleted(s) || !PERSON_NAME.matcher(value).matches()) {
                continue;
            }
            List<Segment> above = new ArrayList<>();
            for (int j = i - 1; j >= from && above.size() < 3; j--) {
                Segment a = segments.get(j);
                if (isBulleted(a) || isSeparator(a) || SIGNATURE_NOTE.matcher(collapse(a)).matches()
                        || Segments.RECIPIENTS.matcher(folded).region(a.start(), a.end()).lookingAt()) {
                    continue;
                }
                if (!isUpper(a)) {
                    break;
                }
                above.add(0, a);
                if (PREFIX.matcher(collapse(a)).matches()) {
                    break;
                }
            }
            if (above.isEmpty()) {
                continue;
            }
            return signature(above, s, value, recipients);
        }
        return new Bottom(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), recipients);
    }

    private Bottom signature(List<Segment> above, Segment nameSegment, String name,
            Optional<Field<List<String>>> recipients) {
        Optional<Field<SignerAuthority>> authority = Optional.empty();
        Optional<Field<String>> onBehalfOf = Optional.empty();
        Optional<Field<String>> title = Optional.empty();
        Segment first = above.get(0);
        Matcher prefix = PREFIX.matcher(text).region(first.start(), first.end());
        List<Segment> titleLines = above;
        if (prefix.matches()) {
            authority = Optional.of(field(SignerAuthority.valueOf(prefix.group(1)), C_PREFIX, first.start(),
                    first.end()));
            String target = collapse(prefix.start(2), prefix.end(2));
            if (!target.isEmpty()) {
                onBehalfOf = Optional.of(field(target, C_PREFIX, prefix.start(2), prefix.end(2)));
            }
            titleLines = above.subList(1, above.size());
        }
        if (!titleLines.isEmpty()) {
            title = Optional.of(join(titleLines, C_SIGNER));
        }
        return new Bottom(authority, onBehalfOf, title,
                Optional.of(field(name, C_SIGNER, nameSegment.start(), nameSegment.end())), recipients);
    }

    /** Bullet items after "Nơi nhận:"; lines of the signature column in between are skipped. */
    private Optional<Field<List<String>>> recipients(int headIndex) {
        Segment head = segments.get(headIndex);
        List<String> items = new ArrayList<>();
        int lastEnd = head.end();
        boolean lastWasItem = false;
        for (int j = headIndex + 1; j < segments.size(); j++) {
            Segment item = segments.get(j);
            char first = text.charAt(item.start());
            if (Segments.isBullet(first)) {
                items.add(cleanItem(item));
                lastWasItem = true;
            } else if (lastWasItem && Character.isLowerCase(first)) {
                items.set(items.size() - 1, cleanItem(items.get(items.size() - 1) + " " + collapse(item)));
            } else if (isUpper(item) || isSeparator(item) || SIGNATURE_NOTE.matcher(collapse(item)).matches()
                    || PERSON_NAME.matcher(collapse(item)).matches()) {
                lastWasItem = false;
                continue;
            } else {
                break;
            }
            lastEnd = item.end();
        }
        if (items.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Field<>(List.copyOf(items), C_RECIPIENTS, head.start(), lastEnd,
                text.substring(head.start(), lastEnd)));
    }

    private boolean isBulleted(Segment s) {
        return Segments.isBullet(text.charAt(s.start()));
    }

    /** Where the header area ends: the first line of the body (Căn cứ, Kính gửi, Điều 1) or a fixed depth. */
    private int topEnd() {
        int limit = Math.min(TOP_SEGMENTS, segments.size());
        for (int i = 0; i < limit; i++) {
            Segment s = segments.get(i);
            if (BODY_START.matcher(folded).region(s.start(), s.end()).lookingAt()) {
                return i;
            }
        }
        return limit;
    }

    /**
     * Upper-case lines before the number are the issuing body, its parent above it. An incomplete first line
     * ("ỦY BAN NHÂN DÂN" over "THỊ XÃ AYUN PA") and lines cut at "VÀ" belong to the next line.
     */
    private List<List<Segment>> groupBodyLines(List<Segment> lines) {
        List<List<Segment>> groups = new ArrayList<>();
        boolean joinNext = false;
        for (Segment s : lines) {
            String f = collapse(folded, s.start(), s.end());
            boolean startsWithAnd = f.startsWith("va ");
            if ((joinNext || startsWithAnd) && !groups.isEmpty()) {
                groups.get(groups.size() - 1).add(s);
            } else {
                groups.add(new ArrayList<>(List.of(s)));
            }
            joinNext = f.equals("uy ban nhan dan") || f.equals("hoi dong nhan dan") || f.endsWith(" va");
        }
        return groups;
    }

    /** A segment plus the following lines that continue its sentence (they start in lower case). */
    private List<Segment> withContinuations(int index) {
        List<Segment> out = new ArrayList<>(List.of(segments.get(index)));
        for (int i = index + 1; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (!Character.isLowerCase(text.charAt(s.start())) || isAnchor(s)) {
                break;
            }
            out.add(s);
        }
        return out;
    }

    private boolean isAnchor(Segment s) {
        return matchesWhole(Segments.NATIONAL_TITLE, s) || matchesWhole(Segments.MOTTO, s)
                || Segments.NUMBER_SYMBOL.matcher(folded).region(s.start(), s.end()).lookingAt()
                || PLACE_DATE_START.matcher(folded).region(s.start(), s.end()).find();
    }

    private Optional<Field<LocalDate>> toDate(Matcher d) {
        try {
            LocalDate value = LocalDate.of(Integer.parseInt(d.group(3)), Integer.parseInt(d.group(2)),
                    Integer.parseInt(d.group(1)));
            return Optional.of(field(value, C_DATE, d.start(), d.end()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private boolean matchesWhole(Pattern p, Segment s) {
        return p.matcher(folded).region(s.start(), s.end()).matches();
    }

    /** Mostly upper-case letters (at least 80 %), at least two letters. */
    private boolean isUpper(Segment s) {
        int letters = 0;
        int upper = 0;
        for (int i = s.start(); i < s.end(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        return letters >= 2 && upper * 5 >= letters * 4;
    }

    private boolean isSeparator(Segment s) {
        for (int i = s.start(); i < s.end(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private String cleanItem(Segment s) {
        return cleanItem(collapse(s));
    }

    private static String cleanItem(String item) {
        String v = item.strip();
        while (!v.isEmpty() && Segments.isBullet(v.charAt(0))) {
            v = v.substring(1).strip();
        }
        while (!v.isEmpty() && ";.,".indexOf(v.charAt(v.length() - 1)) >= 0) {
            v = v.substring(0, v.length() - 1).strip();
        }
        return v;
    }

    private Field<String> join(List<Segment> lines, double confidence) {
        StringBuilder value = new StringBuilder();
        for (Segment s : lines) {
            if (value.length() > 0) {
                value.append(' ');
            }
            value.append(collapse(s));
        }
        int start = lines.get(0).start();
        int end = lines.get(lines.size() - 1).end();
        if (end < start) {
            end = start;
        }
        return new Field<>(value.toString(), confidence, start, end, text.substring(start, end));
    }

    private <T> Field<T> field(T value, double confidence, int start, int end) {
        return new Field<>(value, confidence, start, end, text.substring(start, end));
    }

    private String collapse(Segment s) {
        return collapse(s.start(), s.end());
    }

    private String collapse(int start, int end) {
        return collapse(text, start, end);
    }

    private static String collapse(String source, int start, int end) {
        return source.substring(start, end).replaceAll("[\\s\u00A0]+", " ").strip();
    }
}
