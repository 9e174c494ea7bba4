package vn.motcua.signature.verify;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Low-level reads of a PDF file that must not trust PDFBox's lenient view: the revision chain (startxref / trailer
 * /Prev), revision ends (%%EOF) and the exact position of a signature dictionary's /Contents string.
 * All reads are positional and bounded; nothing loads the whole file.
 */
final class PdfBytes {
    private static final int MAX_REVISIONS = 10_000;
    private static final int MAX_SCAN = 64 * 1024 * 1024;
    private static final int MAX_LEX = 16 * 1024 * 1024;

    private final FileChannel channel;
    private final long length;

    PdfBytes(FileChannel channel) throws IOException {
        this.channel = channel;
        this.length = channel.size();
    }

    long length() {
        return length;
    }

    byte[] read(long offset, int count) throws IOException {
        int n = (int) Math.max(0, Math.min(count, length - offset));
        ByteBuffer buf = ByteBuffer.allocate(n);
        while (buf.hasRemaining()) {
            if (channel.read(buf, offset + buf.position()) < 0) {
                break;
            }
        }
        return buf.array();
    }

    /** True when the bytes just before {@code end} are "%%EOF" followed by at most one end-of-line. */
    boolean isRevisionEnd(long end) throws IOException {
        if (end < 5 || end > length) {
            return false;
        }
        byte[] tail = read(Math.max(0, end - 7), (int) Math.min(7, end));
        String s = new String(tail, StandardCharsets.ISO_8859_1);
        return s.endsWith("%%EOF") || s.endsWith("%%EOF\n") || s.endsWith("%%EOF\r") || s.endsWith("%%EOF\r\n");
    }

    /**
     * The end offsets of the revisions reachable through startxref and the trailers' /Prev, ascending. An end is the
     * position right after the %%EOF (and its end-of-line) that follows each cross-reference section.
     *
     * @throws IOException when the chain is broken (no startxref, offset outside the file, /Prev loop)
     */
    List<Long> revisionEnds() throws IOException {
        long startxref = lastStartXref();
        Set<Long> seen = new HashSet<>();
        List<Long> ends = new ArrayList<>();
        long xref = startxref;
        while (xref >= 0) {
            if (!seen.add(xref) || seen.size() > MAX_REVISIONS) {
                throw new IOException("cross-reference /Prev loop at offset " + xref);
            }
            if (xref >= length) {
                throw new IOException("cross-reference offset outside the file: " + xref);
            }
            Lexer lx = new Lexer(xref);
            Lexer.Token t = lx.next();
            long prev;
            if (t.isKeyword("xref")) {
                prev = trailerPrev(lx);
            } else if (t.kind == Lexer.Kind.NUMBER) {
                lx.next();
                if (!lx.next().isKeyword("obj")) {
                    throw new IOException("no cross-reference at offset " + xref);
                }
                prev = dictInt(lx, "Prev");
            } else {
                throw new IOException("no cross-reference at offset " + xref);
            }
            ends.add(eofAfter(xref));
            xref = prev;
        }
        List<Long> sorted = new ArrayList<>(new java.util.TreeSet<>(ends));
        if (sorted.isEmpty() || sorted.get(sorted.size() - 1) > length) {
            throw new IOException("no revision end");
        }
        return sorted;
    }

    private long lastStartXref() throws IOException {
        int tailLen = (int) Math.min(length, 2048);
        String tail = new String(read(length - tailLen, tailLen), StandardCharsets.ISO_8859_1);
        int i = tail.lastIndexOf("startxref");
        if (i < 0) {
            throw new IOException("no startxref near the end of the file");
        }
        Lexer lx = new Lexer(length - tailLen + i + 9);
        Lexer.Token t = lx.next();
        if (t.kind != Lexer.Kind.NUMBER) {
            throw new IOException("startxref without an offset");
        }
        return t.number;
    }

    /** Skips the classic xref table's subsections and reads /Prev from the trailer dictionary. */
    private long trailerPrev(Lexer lx) throws IOException {
        while (true) {
            Lexer.Token t = lx.next();
            if (t.isKeyword("trailer")) {
                return dictInt(lx, "Prev");
            }
            if (t.kind != Lexer.Kind.NUMBER) {
                throw new IOException("malformed cross-reference table");
            }
            Lexer.Token count = lx.next();
            if (count.kind != Lexer.Kind.NUMBER || count.number < 0 || count.number > 10_000_000) {
                throw new IOException("malformed cross-reference subsection");
            }
            // each entry is exactly 20 bytes
            lx.skipWhitespace();
            lx.seek(lx.position() + count.number * 20);
        }
    }

    /** Reads the dictionary at the lexer's position and returns the integer value of a top-level key, or -1. */
    private static long dictInt(Lexer lx, String key) throws IOException {
        Lexer.Token t = lx.next();
        if (t.kind != Lexer.Kind.DICT_START) {
            throw new IOException("dictionary expected");
        }
        long result = -1;
        int depth = 1;
        boolean expectValue = false;
        boolean wanted = false;
        while (depth > 0) {
            t = lx.next();
            switch (t.kind) {
                case DICT_START -> {
                    depth++;
                    expectValue = false;
                }
                case DICT_END -> depth--;
                case EOF -> throw new IOException("unterminated dictionary");
                default -> {
                    if (depth == 1) {
                        if (!expectValue && t.kind == Lexer.Kind.NAME) {
                            wanted = t.text.equals(key);
                            expectValue = true;
                        } else if (expectValue) {
                            if (wanted && t.kind == Lexer.Kind.NUMBER) {
                                result = t.number;
                            }
                            expectValue = false;
                            wanted = false;
                        }
                    }
                }
            }
            if (t.kind == Lexer.Kind.ARRAY_START && depth == 1) {
                lx.skipArray();
                expectValue = false;
            }
        }
        return result;
    }

    /** The end of the first "%%EOF" (plus one end-of-line) after {@code from}. */
    private long eofAfter(long from) throws IOException {
        byte[] marker = "%%EOF".getBytes(StandardCharsets.ISO_8859_1);
        long pos = from;
        int chunk = 64 * 1024;
        while (pos < length && pos - from < MAX_SCAN) {
            byte[] buf = read(pos, chunk + marker.length);
            int i = indexOf(buf, marker);
            if (i >= 0) {
                long end = pos + i + marker.length;
                byte[] eol = read(end, 2);
                if (eol.length > 0 && eol[0] == '\r') {
                    end++;
                    if (eol.length > 1 && eol[1] == '\n') {
                        end++;
                    }
                } else if (eol.length > 0 && eol[0] == '\n') {
                    end++;
                }
                return end;
            }
            pos += chunk;
        }
        throw new IOException("no %%EOF after cross-reference at " + from);
    }

    private static int indexOf(byte[] data, byte[] marker) {
        outer:
        for (int i = 0; i + marker.length <= data.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (data[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * True when every in-file cross-reference entry points at "n g obj" of that very object; PDFBox would otherwise
     * silently search for misplaced objects (xref reconstruction), which a verifier must refuse.
     */
    String checkXrefEntries(java.util.Map<org.apache.pdfbox.cos.COSObjectKey, Long> xref) throws IOException {
        for (var e : xref.entrySet()) {
            long offset = e.getValue() == null ? 0 : e.getValue();
            if (offset <= 0) {
                continue;
            }
            Lexer lx = new Lexer(offset, 48);
            Lexer.Token n = lx.next();
            Lexer.Token g = lx.next();
            Lexer.Token obj = lx.next();
            if (n.kind != Lexer.Kind.NUMBER || g.kind != Lexer.Kind.NUMBER || !obj.isKeyword("obj")
                    || n.number != e.getKey().getNumber() || g.number != e.getKey().getGeneration()) {
                return "cross-reference entry of object " + e.getKey().getNumber() + " points to offset " + offset
                        + " which does not hold it";
            }
        }
        return null;
    }

    /**
     * Lexes the indirect object at {@code objectOffset} and returns {start, end} of the /Contents value of the
     * dictionary (at any depth) that also holds /ByteRange, or null when there is no such hex string.
     */
    long[] signatureContentsSpan(long objectOffset) throws IOException {
        Lexer lx = new Lexer(objectOffset);
        if (lx.next().kind != Lexer.Kind.NUMBER || lx.next().kind != Lexer.Kind.NUMBER || !lx.next().isKeyword("obj")) {
            return null;
        }
        // per open dictionary: [hasByteRange, contentsStart, contentsEnd, contentsIsHex]
        java.util.ArrayDeque<long[]> dicts = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Boolean> expectValue = new java.util.ArrayDeque<>();
        String pendingKey = null;
        long limit = objectOffset + MAX_LEX;
        while (lx.position() < limit) {
            Lexer.Token t = lx.next();
            boolean valueSlot = !expectValue.isEmpty() && expectValue.peek();
            switch (t.kind) {
                case DICT_START -> {
                    if (valueSlot) {
                        expectValue.pop();
                        expectValue.push(false);
                    }
                    dicts.push(new long[] {0, -1, -1, 0});
                    expectValue.push(false);
                }
                case DICT_END -> {
                    if (dicts.isEmpty()) {
                        return null;
                    }
                    long[] d = dicts.pop();
                    expectValue.pop();
                    if (d[0] == 1 && d[1] >= 0) {
                        return d[3] == 1 ? new long[] {d[1], d[2]} : null;
                    }
                    if (dicts.isEmpty()) {
                        return null;
                    }
                }
                case ARRAY_START -> {
                    lx.skipArray();
                    markValue(dicts, expectValue, pendingKey, t, lx.position());
                    pendingKey = null;
                }
                case NAME -> {
                    if (!dicts.isEmpty() && !valueSlot) {
                        pendingKey = t.text;
                        expectValue.pop();
                        expectValue.push(true);
                    } else {
                        markValue(dicts, expectValue, pendingKey, t, lx.position());
                        pendingKey = null;
                    }
                }
                case EOF -> {
                    return null;
                }
                default -> {
                    if (t.isKeyword("endobj") || t.isKeyword("stream")) {
                        return null;
                    }
                    if (t.kind == Lexer.Kind.NUMBER && valueSlot && lx.peekReference()) {
                        lx.next();
                        lx.next();
                    }
                    markValue(dicts, expectValue, pendingKey, t, lx.position());
                    pendingKey = null;
                }
            }
        }
        return null;
    }

    private static void markValue(java.util.ArrayDeque<long[]> dicts, java.util.ArrayDeque<Boolean> expectValue,
                                  String key, Lexer.Token t, long end) {
        if (dicts.isEmpty() || expectValue.isEmpty() || !expectValue.peek()) {
            return;
        }
        expectValue.pop();
        expectValue.push(false);
        long[] d = dicts.peek();
        if ("ByteRange".equals(key)) {
            d[0] = 1;
        } else if ("Contents".equals(key)) {
            d[1] = t.start;
            d[2] = t.kind == Lexer.Kind.HEX_STRING ? t.end : end;
            d[3] = t.kind == Lexer.Kind.HEX_STRING ? 1 : 0;
        }
    }

    /** A minimal PDF tokenizer over the file (buffered positional reads). */
    final class Lexer {
        enum Kind { NUMBER, NAME, HEX_STRING, LITERAL_STRING, DICT_START, DICT_END, ARRAY_START, ARRAY_END, KEYWORD, EOF }

        static final class Token {
            final Kind kind;
            final long start;
            final long end;
            final String text;
            final long number;

            Token(Kind kind, long start, long end, String text, long number) {
                this.kind = kind;
                this.start = start;
                this.end = end;
                this.text = text;
                this.number = number;
            }

            boolean isKeyword(String k) {
                return kind == Kind.KEYWORD && k.equals(text);
            }
        }

        private long bufStart;
        private byte[] buf = new byte[0];
        private long pos;
        private final int chunk;

        Lexer(long pos) {
            this(pos, 8192);
        }

        Lexer(long pos, int chunk) {
            this.pos = pos;
            this.chunk = chunk;
        }

        long position() {
            return pos;
        }

        void seek(long p) {
            pos = p;
        }

        private int peek() throws IOException {
            if (pos >= length) {
                return -1;
            }
            if (pos < bufStart || pos >= bufStart + buf.length) {
                bufStart = pos;
                buf = read(pos, chunk);
            }
            return buf[(int) (pos - bufStart)] & 0xff;
        }

        private int get() throws IOException {
            int c = peek();
            if (c >= 0) {
                pos++;
            }
            return c;
        }

        void skipWhitespace() throws IOException {
            while (true) {
                int c = peek();
                if (c == '%') {
                    while (c >= 0 && c != '\n' && c != '\r') {
                        pos++;
                        c = peek();
                    }
                } else if (isWhite(c)) {
                    pos++;
                } else {
                    return;
                }
            }
        }

        /** After "n" of "n g R": true when the next two tokens are a number and R (position unchanged). */
        boolean peekReference() throws IOException {
            long save = pos;
            try {
                Token g = next();
                Token r = next();
                return g.kind == Kind.NUMBER && r.isKeyword("R");
            } finally {
                pos = save;
            }
        }

        void skipArray() throws IOException {
            int depth = 1;
            while (depth > 0) {
                Token t = next();
                if (t.kind == Kind.ARRAY_START) {
                    depth++;
                } else if (t.kind == Kind.ARRAY_END) {
                    depth--;
                } else if (t.kind == Kind.EOF || t.isKeyword("endobj")) {
                    throw new IOException("unterminated array");
                }
            }
        }

        Token next() throws IOException {
            skipWhitespace();
            long start = pos;
            int c = get();
            if (c < 0) {
                return new Token(Kind.EOF, start, start, "", 0);
            }
            switch (c) {
                case '<' -> {
                    if (peek() == '<') {
                        pos++;
                        return new Token(Kind.DICT_START, start, pos, "<<", 0);
                    }
                    boolean hexOnly = true;
                    int d;
                    while ((d = get()) != '>') {
                        if (d < 0) {
                            throw new IOException("unterminated hex string");
                        }
                        if (Character.digit(d, 16) < 0) {
                            hexOnly = false;
                        }
                    }
                    return new Token(Kind.HEX_STRING, start, pos, hexOnly ? "hex" : "nonhex", 0);
                }
                case '>' -> {
                    if (get() != '>') {
                        throw new IOException("stray '>'");
                    }
                    return new Token(Kind.DICT_END, start, pos, ">>", 0);
                }
                case '[' -> {
                    return new Token(Kind.ARRAY_START, start, pos, "[", 0);
                }
                case ']' -> {
                    return new Token(Kind.ARRAY_END, start, pos, "]", 0);
                }
                case '(' -> {
                    int depth = 1;
                    while (depth > 0) {
                        int d = get();
                        if (d < 0) {
                            throw new IOException("unterminated string");
                        }
                        if (d == '\\') {
                            get();
                        } else if (d == '(') {
                            depth++;
                        } else if (d == ')') {
                            depth--;
                        }
                    }
                    return new Token(Kind.LITERAL_STRING, start, pos, "", 0);
                }
                case '/' -> {
                    StringBuilder sb = new StringBuilder();
                    while (peek() >= 0 && !isWhite(peek()) && !isDelimiter(peek())) {
                        sb.append((char) get());
                    }
                    return new Token(Kind.NAME, start, pos, sb.toString(), 0);
                }
                default -> {
                    StringBuilder sb = new StringBuilder().append((char) c);
                    while (peek() >= 0 && !isWhite(peek()) && !isDelimiter(peek()) && sb.length() < 64) {
                        sb.append((char) get());
                    }
                    String s = sb.toString();
                    if (s.matches("[+-]?\\d{1,18}")) {
                        return new Token(Kind.NUMBER, start, pos, s, Long.parseLong(s));
                    }
                    return new Token(Kind.KEYWORD, start, pos, s, 0);
                }
            }
        }
    }

    private static boolean isWhite(int c) {
        return c == 0 || c == 9 || c == 10 || c == 12 || c == 13 || c == 32;
    }

    private static boolean isDelimiter(int c) {
        return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}'
                || c == '/' || c == '%';
    }
}
