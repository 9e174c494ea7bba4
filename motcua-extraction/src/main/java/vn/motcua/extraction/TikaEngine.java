package vn.motcua.extraction;

import java.util.List;
import java.util.Locale;

import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.DefaultParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.InputStream;

/**
 * Tika set up for this project: every parser found on the class path except OCR parsers (the OCR module is not a
 * dependency either; the filter keeps it out should someone add it), PDF OCR strategy off, no inline images, the
 * zip-bomb guards and embedded-document limits from {@link Limits}.
 */
final class TikaEngine {

    private final List<Parser> parsers;
    /** Detectors are loaded from the class path once; they are thread-safe. */
    private final Detector detector = new DefaultDetector();

    TikaEngine() {
        this.parsers = new DefaultParser().getAllComponentParsers().stream().filter(p -> !isOcr(p)).toList();
    }

    static boolean isOcr(Parser parser) {
        String name = parser.getClass().getName().toLowerCase(Locale.ROOT);
        return name.contains(".ocr.") || name.contains("tesseract") || name.contains("ocrparser");
    }

    /** The parsers in use, for inspection (tests check that no OCR parser is among them). */
    List<Parser> parsers() {
        return parsers;
    }

    /** A parser with the zip-bomb guard thresholds of these limits; cheap, built per document. */
    AutoDetectParser parser(Limits limits) {
        return parser(limits, detector);
    }

    /**
     * The same parser for a document whose type is already detected: the top-level document is not detected a second
     * time (magic detection reads up to 64 KB against every rule). Embedded documents still go through the context's
     * detecting parser.
     */
    AutoDetectParser parser(Limits limits, MediaType detected) {
        return parser(limits, (in, metadata) -> detected);
    }

    private AutoDetectParser parser(Limits limits, Detector detector) {
        AutoDetectParser parser = new AutoDetectParser(detector, parsers.toArray(new Parser[0]));
        AutoDetectParserConfig config = new AutoDetectParserConfig();
        config.setMaximumCompressionRatio(limits.maxCompressionRatio());
        parser.setAutoDetectParserConfig(config);
        return parser;
    }

    ParseContext context(AutoDetectParser parser, Limits limits) {
        ParseContext context = new ParseContext();
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        pdf.setExtractInlineImages(false);
        context.set(PDFParserConfig.class, pdf);
        context.set(Parser.class, parser);
        context.set(EmbeddedDocumentExtractor.class, new LimitedEmbeddedExtractor(context, limits));
        return context;
    }

    /** Whether some parser handles this type or one of its supertypes. */
    static boolean supports(AutoDetectParser parser, MediaType type, ParseContext context) {
        MediaTypeRegistry registry = parser.getMediaTypeRegistry();
        MediaType t = type;
        while (t != null) {
            Parser p = parser.getParsers(context).get(t);
            if (p != null) {
                return true;
            }
            t = registry.getSupertype(t);
            if (MediaType.OCTET_STREAM.equals(t)) {
                return false;
            }
        }
        return false;
    }

    /** Parses embedded documents only down to the configured depth and up to the configured count. */
    private static final class LimitedEmbeddedExtractor extends ParsingEmbeddedDocumentExtractor {
        private final Limits limits;
        private int depth;
        private int count;

        LimitedEmbeddedExtractor(ParseContext context, Limits limits) {
            super(context);
            this.limits = limits;
        }

        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return depth < limits.maxEmbeddedDepth() && count < limits.maxEmbeddedDocuments()
                    && super.shouldParseEmbedded(metadata);
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
                throws SAXException, IOException {
            depth++;
            count++;
            try {
                super.parseEmbedded(stream, handler, metadata, outputHtml);
            } finally {
                depth--;
            }
        }
    }
}
