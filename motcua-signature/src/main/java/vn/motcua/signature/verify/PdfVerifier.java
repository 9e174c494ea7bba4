package vn.motcua.signature.verify;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/** Verifies every signature and document timestamp of a PDF, in every revision. */
final class PdfVerifier {
    private final Path file;
    private final VerificationOptions options;

    PdfVerifier(Path file, VerificationOptions options) {
        this.file = file;
        this.options = options;
    }

    /** A signature dictionary found in some revision. */
    record Found(String fieldName, COSDictionary field, COSDictionary sigDict, COSObjectKey holderKey) {
    }

    VerificationReport verify() throws VerificationException {
        String name = file.getFileName().toString();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            PdfBytes bytes = new PdfBytes(ch);
            checkHeader(bytes);
            List<Long> revisionEnds;
            PDDocument last;
            try {
                revisionEnds = bytes.revisionEnds();
                last = load(bytes.length());
                String xrefProblem = bytes.checkXrefEntries(last.getDocument().getXrefTable());
                if (xrefProblem != null) {
                    last.close();
                    throw new IOException(xrefProblem);
                }
            } catch (InvalidPasswordException e) {
                throw new VerificationException("input.encrypted", e, name);
            } catch (IOException | RuntimeException e) {
                if (fromSecurityHandler(e)) {
                    throw new VerificationException("input.encrypted", e, name);
                }
                return VerificationReport.of(name, List.of(),
                        List.of(Finding.error(SubIndication.FORMAT_FAILURE, "doc.damaged", CmsVerifier.describe(e))));
            }
            try (PDDocument finalDoc = last) {
                return verify(name, bytes, ch, revisionEnds, finalDoc);
            }
        } catch (IOException e) {
            throw new VerificationException("input.unreadable", e, name, CmsVerifier.describe(e));
        }
    }

    /** PDFBox reports a public-key encrypted file it cannot open as a plain IOException from its security handler. */
    private static boolean fromSecurityHandler(Throwable e) {
        for (StackTraceElement el : e.getStackTrace()) {
            if (el.getClassName().startsWith("org.apache.pdfbox.pdmodel.encryption.")) {
                return true;
            }
        }
        return false;
    }

    private static void checkHeader(PdfBytes bytes) throws VerificationException, IOException {
        String head = new String(bytes.read(0, 1024), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!head.contains("%PDF-")) {
            throw new VerificationException("input.notPdf", null);
        }
    }

    private VerificationReport verify(String name, PdfBytes bytes, FileChannel ch, List<Long> revisionEnds,
                                      PDDocument finalDoc) throws IOException {
        List<Finding> docFindings = new ArrayList<>();
        long fileLength = bytes.length();
        if (revisionEnds.get(revisionEnds.size() - 1) < fileLength
                && !onlyWhitespace(bytes, revisionEnds.get(revisionEnds.size() - 1), fileLength)) {
            docFindings.add(Finding.warning("doc.trailingBytes", fileLength - revisionEnds.get(revisionEnds.size() - 1)));
        }

        // signatures of every revision, keyed by their ByteRange; the final revision's view wins
        Map<String, Found> found = new LinkedHashMap<>();
        for (long end : revisionEnds) {
            if (end >= fileLength) {
                continue;
            }
            try (PDDocument rev = load(end)) {
                for (Found f : SignatureFields.find(rev)) {
                    found.putIfAbsent(byteRangeKey(f), f);
                }
            } catch (IOException | RuntimeException e) {
                // a linearized file's first-page section is not a revision of its own
            }
        }
        List<Found> inFinal = SignatureFields.find(finalDoc);
        Map<String, Found> finalByRange = new LinkedHashMap<>();
        for (Found f : inFinal) {
            finalByRange.put(byteRangeKey(f), f);
        }
        for (Found f : inFinal) {
            found.putIfAbsent(byteRangeKey(f), f);
        }

        List<Found> all = new ArrayList<>(found.values());
        List<SignatureCheck> checks = new ArrayList<>();
        PdfStructure finalStructure = new PdfStructure(finalDoc);
        if (!finalStructure.broken.isEmpty()) {
            docFindings.add(Finding.error(SubIndication.FORMAT_FAILURE, "doc.damaged",
                    "unreadable object " + finalStructure.broken.iterator().next()));
        }
        DssData dss = DssData.read(finalDoc);
        for (Found f : all) {
            SignatureCheck c = new SignatureCheck();
            c.fieldName = f.fieldName();
            checks.add(c);
            Found inFinalDoc = finalByRange.get(byteRangeKey(f));
            if (inFinalDoc == null) {
                c.error(SubIndication.MODIFIED_AFTER_SIGNING, "pdf.signatureRemoved");
            }
            checkSignature(c, f, bytes, ch, revisionEnds, finalDoc, finalStructure, dss);
        }
        checkOverlaps(checks);
        checks.sort(Comparator.comparingLong(c -> c.revisionLength));
        // document timestamps first: only a trusted one may give earlier signatures their proof of existence
        for (SignatureCheck c : checks) {
            if (c.kind == SignatureReport.Kind.DOCUMENT_TIMESTAMP) {
                CertificateChecks.check(c, dss, options);
            }
        }
        Timestamps.applyDocumentTimestamps(checks, options);
        for (SignatureCheck c : checks) {
            if (c.kind != SignatureReport.Kind.DOCUMENT_TIMESTAMP) {
                CertificateChecks.check(c, dss, options);
            }
        }
        Levels.assign(checks, dss);
        List<SignatureReport> reports = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            reports.add(checks.get(i).toReport(i + 1));
        }
        return VerificationReport.of(name, reports, docFindings);
    }

    private void checkSignature(SignatureCheck c, Found f, PdfBytes bytes, FileChannel ch, List<Long> revisionEnds,
                                PDDocument finalDoc, PdfStructure finalStructure, DssData dss) throws IOException {
        COSDictionary sig = f.sigDict();
        COSName subFilter = sig.getCOSName(COSName.SUB_FILTER);
        c.subFilter = subFilter == null ? null : subFilter.getName();
        if (COSName.DOC_TIME_STAMP.equals(sig.getCOSName(COSName.TYPE))
                || "ETSI.RFC3161".equals(c.subFilter)) {
            c.kind = SignatureReport.Kind.DOCUMENT_TIMESTAMP;
        }
        long[] br = byteRange(sig, c, bytes.length());
        if (br == null) {
            c.coverage = SignatureReport.Coverage.UNCLEAR;
            return;
        }
        long end = br[2] + br[3];
        c.revisionLength = end;
        c.coverage = end == bytes.length() ? SignatureReport.Coverage.WHOLE_FILE
                : SignatureReport.Coverage.EARLIER_REVISION;
        if (!bytes.isRevisionEnd(end)) {
            c.coverage = SignatureReport.Coverage.UNCLEAR;
            c.error(SubIndication.FORMAT_FAILURE, "pdf.byteRangeNotRevision");
            return;
        }
        PDDocument signedDoc = null;
        try {
            if (end != bytes.length()) {
                signedDoc = load(end);
                String xrefProblem = bytes.checkXrefEntries(signedDoc.getDocument().getXrefTable());
                if (xrefProblem != null) {
                    signedDoc.close();
                    throw new IOException(xrefProblem);
                }
            }
        } catch (IOException | RuntimeException e) {
            c.error(SubIndication.FORMAT_FAILURE, "pdf.signedRevisionDamaged", CmsVerifier.describe(e));
            return;
        }
        try {
            PDDocument rev = signedDoc == null ? finalDoc : signedDoc;
            byte[] cms = checkGap(c, f, rev, bytes, br);
            if (cms == null) {
                return;
            }
            if (c.kind == SignatureReport.Kind.SIGNATURE && rev.getDocumentCatalog().getCOSObject()
                    .getCOSDictionary(COSName.PERMS) != null && isCertification(rev, sig)) {
                c.kind = SignatureReport.Kind.CERTIFICATION_SIGNATURE;
            }
            CmsVerifier.Content content = out -> copyRanges(ch, br, out);
            SubFilters.verify(c, cms, content, dss, options);
            if (c.signingTime == null && sig.getDate(COSName.M) != null) {
                // PAdES puts the claimed signing time in /M rather than in a signed attribute
                c.signingTime = sig.getDate(COSName.M).toInstant();
                c.timeSource = SignatureReport.TimeSource.CLAIMED_SIGNING_TIME;
            }
            if (signedDoc != null) {
                ChangeAnalyzer.analyze(c, signedDoc, finalDoc, finalStructure, f);
                analyzeRevisions(c, f, signedDoc, end, revisionEnds, finalDoc, finalStructure);
                ChangeAnalyzer.conclude(c);
            }
        } finally {
            if (signedDoc != null) {
                signedDoc.close();
            }
        }
    }

    /**
     * Compares every incremental revision after the signed one with the revision before it, up to the final file, so a
     * change that a later revision undoes is still seen. With no revision in between, the signed-versus-final
     * comparison already was that one step. At most two intermediate revisions are open at a time.
     */
    private void analyzeRevisions(SignatureCheck c, Found f, PDDocument signedDoc, long signedEnd,
                                  List<Long> revisionEnds, PDDocument finalDoc, PdfStructure finalStructure)
            throws IOException {
        // the last revision is the final file (trailing bytes after it are not a revision)
        long lastEnd = revisionEnds.get(revisionEnds.size() - 1);
        List<Long> between = new ArrayList<>();
        for (long e : revisionEnds) {
            if (e > signedEnd && e < lastEnd) {
                between.add(e);
            }
        }
        if (between.isEmpty()) {
            return;
        }
        PDDocument prev = signedDoc;
        try {
            for (long e : between) {
                PDDocument next;
                try {
                    next = load(e);
                } catch (IOException | RuntimeException ex) {
                    continue; // a linearized file's first-page section is not a revision of its own
                }
                try {
                    ChangeAnalyzer.analyzeStep(c, signedDoc, prev, next, new PdfStructure(next), f,
                            revisionEnds.indexOf(e) + 1);
                } catch (IOException | RuntimeException ex) {
                    next.close();
                    throw ex;
                }
                if (prev != signedDoc) {
                    prev.close();
                }
                prev = next;
            }
            ChangeAnalyzer.analyzeStep(c, signedDoc, prev, finalDoc, finalStructure, f, revisionEnds.size());
        } finally {
            if (prev != signedDoc) {
                prev.close();
            }
        }
    }

    private static boolean isCertification(PDDocument rev, COSDictionary sig) {
        COSDictionary perms = rev.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PERMS);
        // the same dictionary seen through another revision's parser: compare what identifies it
        return perms.getDictionaryObject(COSName.DOCMDP) instanceof COSDictionary docMdp
                && ChangeAnalyzer.equal(docMdp.getDictionaryObject(COSName.BYTERANGE),
                sig.getDictionaryObject(COSName.BYTERANGE), 0)
                && ChangeAnalyzer.equal(docMdp.getDictionaryObject(COSName.CONTENTS),
                sig.getDictionaryObject(COSName.CONTENTS), 0);
    }

    /** Validates /ByteRange: exactly 4 non-negative integers, starting at 0, gap of at least "<>", inside the file. */
    private static long[] byteRange(COSDictionary sig, SignatureCheck c, long fileLength) {
        COSBase raw = sig.getDictionaryObject(COSName.BYTERANGE);
        if (!(raw instanceof COSArray arr) || arr.size() != 4) {
            c.error(SubIndication.FORMAT_FAILURE, "pdf.byteRangeMalformed");
            return null;
        }
        long[] br = new long[4];
        List<Long> list = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            if (!(arr.getObject(i) instanceof COSInteger n) || n.longValue() < 0) {
                c.error(SubIndication.FORMAT_FAILURE, "pdf.byteRangeMalformed");
                return null;
            }
            br[i] = n.longValue();
            list.add(br[i]);
        }
        c.byteRange = list;
        if (br[0] != 0 || br[1] < 1 || br[2] < br[1] + 2 || br[2] + br[3] > fileLength) {
            c.error(SubIndication.FORMAT_FAILURE, "pdf.byteRangeInvalid", list);
            return null;
        }
        return br;
    }

    /**
     * The gap must be exactly this dictionary's /Contents hex string: the lexer finds /Contents in the holder object of
     * the signed revision and its span must coincide with the gap. Returns the decoded CMS bytes.
     */
    private static byte[] checkGap(SignatureCheck c, Found f, PDDocument rev, PdfBytes bytes, long[] br)
            throws IOException {
        long gapStart = br[1];
        long gapEnd = br[2];
        if (gapEnd - gapStart > 64L * 1024 * 1024) {
            c.error(SubIndication.FORMAT_FAILURE, "pdf.gapTooLarge", gapEnd - gapStart);
            return null;
        }
        COSObjectKey key = f.holderKey();
        Long offset = key == null ? null : rev.getDocument().getXrefTable().get(key);
        if (offset == null || offset <= 0) {
            c.error(SubIndication.FORMAT_FAILURE, "pdf.signatureNotInRevision");
            return null;
        }
        long[] span = bytes.signatureContentsSpan(offset);
        if (span == null || span[0] != gapStart || span[1] != gapEnd) {
            c.error(SubIndication.FORMAT_FAILURE, "pdf.gapNotContents");
            return null;
        }
        byte[] gap = bytes.read(gapStart, (int) (gapEnd - gapStart));
        if (gap.length < 2 || gap[0] != '<' || gap[gap.length - 1] != '>' || (gap.length - 2) % 2 != 0) {
            c.error(SubIndication.FORMAT_FAILURE, "pdf.gapNotContents");
            return null;
        }
        try {
            return HexFormat.of().parseHex(new String(gap, 1, gap.length - 2,
                    java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (IllegalArgumentException e) {
            c.error(SubIndication.FORMAT_FAILURE, "pdf.gapNotContents");
            return null;
        }
    }

    /** Gaps of two signatures must not overlap, and a later signature's gap lies after the earlier revision. */
    private static void checkOverlaps(List<SignatureCheck> checks) {
        for (SignatureCheck a : checks) {
            for (SignatureCheck b : checks) {
                if (a == b || a.byteRange.size() != 4 || b.byteRange.size() != 4 || a.revisionLength == 0
                        || b.revisionLength == 0) {
                    continue;
                }
                long aStart = a.byteRange.get(1);
                long aEnd = a.byteRange.get(2);
                long bStart = b.byteRange.get(1);
                long bEnd = b.byteRange.get(2);
                boolean overlap = aStart < bEnd && bStart < aEnd;
                boolean laterGapInsideEarlier = a.revisionLength > b.revisionLength && aStart < b.revisionLength;
                if (overlap || laterGapInsideEarlier) {
                    a.error(SubIndication.FORMAT_FAILURE, "pdf.byteRangeOverlap");
                }
            }
        }
    }

    private static boolean onlyWhitespace(PdfBytes bytes, long from, long to) throws IOException {
        if (to - from > 4096) {
            return false;
        }
        for (byte b : bytes.read(from, (int) (to - from))) {
            if (b != 0 && b != ' ' && b != '\r' && b != '\n' && b != '\t' && b != '\f') {
                return false;
            }
        }
        return true;
    }

    static void copyRanges(FileChannel ch, long[] br, OutputStream out) throws IOException {
        byte[] buf = new byte[256 * 1024];
        ByteBuffer bb = ByteBuffer.wrap(buf);
        for (int r = 0; r < 2; r++) {
            long pos = br[r * 2];
            long remaining = br[r * 2 + 1];
            while (remaining > 0) {
                bb.clear();
                bb.limit((int) Math.min(buf.length, remaining));
                int n = ch.read(bb, pos);
                if (n < 0) {
                    throw new IOException("file shorter than its /ByteRange");
                }
                out.write(buf, 0, n);
                pos += n;
                remaining -= n;
            }
        }
    }

    private static String byteRangeKey(Found f) {
        COSBase br = f.sigDict().getDictionaryObject(COSName.BYTERANGE);
        // two dictionaries may claim the same range (a forged copy); the holder object tells them apart
        return (br instanceof COSArray ? "BR:" + br : "F:" + f.fieldName()) + "|" + f.holderKey();
    }

    /** Loads the revision ending at {@code end} without PDFBox's lenient recovery (damaged xref = failure). */
    PDDocument load(long end) throws IOException {
        RevisionSource source = new RevisionSource(file, end);
        try {
            return new PDFParser(source).parse(false);
        } catch (IOException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

}
