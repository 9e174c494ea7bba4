package vn.motcua.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaMemoryLimitException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.langdetect.opennlp.OpenNLPDetector;
import org.apache.tika.language.detect.LanguageResult;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.Property;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;

import vn.motcua.extraction.header.DocumentHeader;
import vn.motcua.extraction.header.HeaderParser;
import vn.motcua.extraction.legacy.LegacyEncoding;
import vn.motcua.extraction.legacy.LegacyText;

/**
 * The extraction facade: text, metadata and the Decree-30 header of one document, without OCR, within limits.
 * Thread-safe; each call runs on its own worker thread so that a document that hangs or crashes a parser is cut off
 * at its time budget and never affects the next one.
 */
public final class Extraction {

    /** Formats without pages: this much text from the start stands for "page 1" (a Decree-30 header is far shorter). */
    static final int FIRST_PAGE_CHARS = 3_000;
    private static final int LANGUAGE_SAMPLE = 10_000;
    /** The legacy-encoding verdict comes from the start of the text; a document is typed in one encoding. */
    private static final int LEGACY_SAMPLE = 20_000;
    private static final Instant FILETIME_EPOCH = Instant.parse("1601-01-01T00:00:00Z");

    private static final Map<String, String> ISO_639_1 = iso6391();
    private static final TikaEngine ENGINE = new TikaEngine();
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(daemonThreads());

    private Extraction() {
    }

    /** Full extraction: all text, metadata, language, header fields. Never throws for bad input; see the status. */
    public static ExtractionResult extract(InputStream in, String fileName, Limits limits) {
        return run(in, fileName, limits, false);
    }

    /**
     * Header-only extraction: for PDFs only page 1 and the last pages are read (fast on long files); other formats
     * are read in full, which is already cheap for them. The result says {@code partialText} when pages were skipped.
     */
    public static ExtractionResult extractHeader(InputStream in, String fileName, Limits limits) {
        return run(in, fileName, limits, true);
    }

    /** Names of the parsers in use (for diagnostics; no OCR parser is ever among them). */
    public static List<String> parserNames() {
        return ENGINE.parsers().stream().map(p -> p.getClass().getName()).sorted().toList();
    }

    private static ExtractionResult run(InputStream in, String fileName, Limits limits, boolean headerOnly) {
        Path file = null;
        try {
            file = Files.createTempFile("motcua-extract-", ".bin");
            long size = spool(in, file, limits.maxInputBytes());
            if (size > limits.maxInputBytes()) {
                return ExtractionResult.failure(Status.TOO_LARGE, Message.of("status.TOO_LARGE",
                        String.valueOf(limits.maxInputBytes())), Optional.empty());
            }
            if (size == 0) {
                return ExtractionResult.failure(Status.DAMAGED, Message.of("status.DAMAGED.empty"), Optional.empty());
            }
            Path input = file;
            AtomicBoolean cancelled = new AtomicBoolean();
            Future<ExtractionResult> future = WORKERS.submit(() -> parse(input, fileName, limits, headerOnly, cancelled));
            try {
                return future.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                cancelled.set(true);
                future.cancel(true);
                return ExtractionResult.failure(Status.TIMED_OUT,
                        Message.of("status.TIMED_OUT", String.valueOf(limits.timeout().toSeconds())), Optional.empty());
            } catch (ExecutionException | CancellationException e) {
                return ExtractionResult.failure(Status.DAMAGED, Message.of("status.DAMAGED", typeName(fileName)),
                        Optional.empty());
            } catch (InterruptedException e) {
                cancelled.set(true);
                future.cancel(true);
                Thread.currentThread().interrupt();
                return ExtractionResult.failure(Status.TIMED_OUT,
                        Message.of("status.TIMED_OUT", String.valueOf(limits.timeout().toSeconds())), Optional.empty());
            }
        } catch (IOException e) {
            return ExtractionResult.failure(Status.DAMAGED, Message.of("status.DAMAGED", typeName(fileName)),
                    Optional.empty());
        } finally {
            deleteQuietly(file);
        }
    }

    private static ExtractionResult parse(Path file, String fileName, Limits limits, boolean headerOnly,
            AtomicBoolean cancelled) {
        Optional<String> mediaType = Optional.empty();
        try {
            AutoDetectParser parser = ENGINE.parser(limits);
            ParseContext context = ENGINE.context(parser, limits);
            Metadata metadata = new Metadata();
            if (fileName != null) {
                metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
            }
            MediaType type;
            try (TikaInputStream tis = TikaInputStream.get(file)) {
                type = parser.getDetector().detect(tis, metadata);
            }
            mediaType = Optional.of(type.getBaseType().toString());
            if (!TikaEngine.supports(parser, type, context)) {
                return ExtractionResult.failure(Status.UNSUPPORTED, Message.of("status.UNSUPPORTED", mediaType.get()),
                        mediaType);
            }
            if (headerOnly && "application/pdf".equals(mediaType.get())) {
                return headerPages(file, mediaType);
            }
            TextHandler handler = new TextHandler(limits.maxChars(), cancelled);
            try (TikaInputStream tis = TikaInputStream.get(file, metadata)) {
                ENGINE.parser(limits, type).parse(tis, handler, metadata, context);
            } catch (WriteLimitReachedException e) {
                // the text is cut at the limit; what we have is still useful
            } catch (org.xml.sax.SAXException e) {
                if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                    throw e;
                }
            }
            if (cancelled.get()) {
                return ExtractionResult.failure(Status.TIMED_OUT,
                        Message.of("status.TIMED_OUT", String.valueOf(limits.timeout().toSeconds())), mediaType);
            }
            String raw = handler.text();
            int cut = handler.firstPageEnd() >= 0 ? handler.firstPageEnd() : firstPageCut(raw);
            Message message = handler.truncated()
                    ? Message.of("status.OK.truncated", String.valueOf(limits.maxChars())) : Message.of("status.OK");
            return ok(raw.substring(0, cut), raw.substring(cut), mediaType, fileMetadata(metadata), message,
                    handler.truncated(), false);
        } catch (Throwable e) {
            return failure(e, mediaType, fileName, limits, file);
        }
    }

    private static ExtractionResult headerPages(Path file, Optional<String> mediaType) throws IOException {
        PdfHeaderPages.Pages pages = PdfHeaderPages.read(file);
        String tail = pages.tail().isEmpty() ? "" : "\n" + pages.tail();
        return ok(pages.firstPage(), tail, mediaType, pages.metadata(), Message.of("status.OK"), false, true);
    }

    private static ExtractionResult ok(String firstRaw, String restRaw, Optional<String> mediaType,
            FileMetadata metadata, Message message, boolean truncated, boolean partial) {
        String head = firstRaw.length() >= LEGACY_SAMPLE ? firstRaw
                : firstRaw + restRaw.substring(0, Math.min(restRaw.length(), LEGACY_SAMPLE - firstRaw.length()));
        Optional<LegacyEncoding> legacy = LegacyText.detect(head);
        String first = legacy.map(e -> LegacyText.convert(firstRaw, e)).orElse(nfc(firstRaw));
        String rest = legacy.map(e -> LegacyText.convert(restRaw, e)).orElse(nfc(restRaw));
        String text = first + rest;
        DocumentHeader header = HeaderParser.parse(text);
        return new ExtractionResult(Status.OK, message, mediaType, metadata, language(text), text, first, header,
                legacy, truncated, partial);
    }

    private static ExtractionResult failure(Throwable e, Optional<String> mediaType, String fileName, Limits limits,
            Path file) {
        if (causedBy(e, EncryptedDocumentException.class) || causedBy(e, InvalidPasswordException.class)
                || causedBy(e, org.apache.poi.EncryptedDocumentException.class)
                || mediaType.equals(Optional.of("application/pdf")) && PdfEncryption.declared(file)) {
            return ExtractionResult.failure(Status.ENCRYPTED, Message.of("status.ENCRYPTED"), mediaType);
        }
        if (causedBy(e, ZeroByteFileException.class)) {
            return ExtractionResult.failure(Status.DAMAGED, Message.of("status.DAMAGED.empty"), mediaType);
        }
        if (isBomb(e)) {
            return ExtractionResult.failure(Status.TOO_LARGE, Message.of("status.TOO_LARGE.bomb"), mediaType);
        }
        if (e instanceof org.xml.sax.SAXException && e.getMessage() != null && e.getMessage().startsWith("cancelled")) {
            return ExtractionResult.failure(Status.TIMED_OUT,
                    Message.of("status.TIMED_OUT", String.valueOf(limits.timeout().toSeconds())), mediaType);
        }
        return ExtractionResult.failure(Status.DAMAGED,
                Message.of("status.DAMAGED", mediaType.orElse(typeName(fileName))), mediaType);
    }

    /** Tika's SecureContentHandler and POI's ZipSecureFile report bombs only through their messages. */
    private static boolean isBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TikaMemoryLimitException || t instanceof OutOfMemoryError) {
                return true;
            }
            String m = t.getMessage();
            if (m != null && m.toLowerCase(Locale.ROOT).contains("zip bomb")) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Cuts the text of a format without pages after the line that crosses {@link #FIRST_PAGE_CHARS}. */
    private static int firstPageCut(String text) {
        if (text.length() <= FIRST_PAGE_CHARS) {
            return text.length();
        }
        int nl = text.indexOf('\n', FIRST_PAGE_CHARS);
        return nl < 0 ? text.length() : nl + 1;
    }

    /**
     * OpenNLP's best guess, accepted only when it clearly beats the runner-up (its own confidence labels are NONE for
     * anything shorter than a few paragraphs). ISO 639-3 codes are given as ISO 639-1 where one exists ("vie" → "vi").
     */
    private static Optional<String> language(String text) {
        String sample = text.length() > LANGUAGE_SAMPLE ? text.substring(0, LANGUAGE_SAMPLE) : text;
        if (sample.isBlank()) {
            return Optional.empty();
        }
        OpenNLPDetector detector = new OpenNLPDetector();
        detector.addText(sample);
        List<LanguageResult> results = detector.detectAll();
        if (results.isEmpty() || results.get(0).getLanguage().isEmpty()) {
            return Optional.empty();
        }
        float best = results.get(0).getRawScore();
        float second = results.size() > 1 ? results.get(1).getRawScore() : 0f;
        if (best < 2 * second) {
            return Optional.empty();
        }
        String code = results.get(0).getLanguage();
        return Optional.of(ISO_639_1.getOrDefault(code, code));
    }

    private static Map<String, String> iso6391() {
        Map<String, String> map = new HashMap<>();
        for (String two : Locale.getISOLanguages()) {
            try {
                map.put(Locale.forLanguageTag(two).getISO3Language(), two);
            } catch (MissingResourceException e) {
                // no three-letter code for this language: keep OpenNLP's own code
            }
        }
        return Map.copyOf(map);
    }

    private static FileMetadata fileMetadata(Metadata m) {
        Optional<Integer> pages = integer(m, PagedText.N_PAGES).or(() -> integer(m, Office.PAGE_COUNT));
        Optional<String> producer = first(m, "pdf:producer", "extended-properties:Application", "xmp:CreatorTool",
                "generator");
        return new FileMetadata(text(m, TikaCoreProperties.TITLE), text(m, TikaCoreProperties.CREATOR),
                instant(m, TikaCoreProperties.CREATED), instant(m, TikaCoreProperties.MODIFIED), pages, producer);
    }

    private static Optional<String> text(Metadata m, Property p) {
        String v = m.get(p);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(nfc(v.strip()));
    }

    private static Optional<String> first(Metadata m, String... names) {
        for (String n : names) {
            String v = m.get(n);
            if (v != null && !v.isBlank()) {
                return Optional.of(nfc(v.strip()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> integer(Metadata m, Property p) {
        Integer v = m.getInt(p);
        return Optional.ofNullable(v);
    }

    /**
     * OLE2 files store "never" as FILETIME 0, which Tika passes on as 1601-01-01 (LibreOffice writes it for the
     * last-saved date of every .doc it exports); such a date means absent.
     */
    private static Optional<Instant> instant(Metadata m, Property p) {
        Date d = m.getDate(p);
        return d == null || !d.toInstant().isAfter(FILETIME_EPOCH) ? Optional.empty() : Optional.of(d.toInstant());
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    private static String typeName(String fileName) {
        if (fileName == null || fileName.lastIndexOf('.') < 0) {
            return "?";
        }
        return fileName.substring(fileName.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
    }

    /** Copies at most {@code max + 1} bytes, so an oversized input is recognised without reading all of it. */
    private static long spool(InputStream in, Path file, long max) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > max) {
                    return total;
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "motcua-extraction-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
