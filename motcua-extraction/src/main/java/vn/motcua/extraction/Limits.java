package vn.motcua.extraction;

import java.time.Duration;

/**
 * Safety limits for one extraction.
 *
 * @param maxInputBytes        larger inputs are refused as {@link Status#TOO_LARGE} without being parsed
 * @param maxChars             extracted text is cut here (the result says {@code truncated})
 * @param timeout              time budget per document; past it the parse is cancelled ({@link Status#TIMED_OUT})
 * @param maxEmbeddedDepth     embedded documents nested deeper than this are skipped (0 = no embedded documents)
 * @param maxEmbeddedDocuments at most this many embedded documents are parsed per file
 * @param maxCompressionRatio  Tika's zip-bomb guard: output characters per input byte beyond which parsing stops
 */
public record Limits(long maxInputBytes, int maxChars, Duration timeout, int maxEmbeddedDepth,
        int maxEmbeddedDocuments, long maxCompressionRatio) {

    public Limits {
        if (maxInputBytes <= 0 || maxChars <= 0 || timeout == null || timeout.isNegative() || timeout.isZero()
                || maxEmbeddedDepth < 0 || maxEmbeddedDocuments < 0 || maxCompressionRatio <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxInputBytes + ", " + maxChars + ", "
                    + timeout + ", " + maxEmbeddedDepth + ", " + maxEmbeddedDocuments + ", " + maxCompressionRatio);
        }
    }

    /** 100 MB input, 10 million characters, 60 s, embedded documents 3 deep and at most 100, ratio 100. */
    public static Limits defaults() {
        return new Limits(100L * 1024 * 1024, 10_000_000, Duration.ofSeconds(60), 3, 100, 100);
    }

    public Limits withMaxInputBytes(long value) {
        return new Limits(value, maxChars, timeout, maxEmbeddedDepth, maxEmbeddedDocuments, maxCompressionRatio);
    }

    public Limits withMaxChars(int value) {
        return new Limits(maxInputBytes, value, timeout, maxEmbeddedDepth, maxEmbeddedDocuments, maxCompressionRatio);
    }

    public Limits withTimeout(Duration value) {
        return new Limits(maxInputBytes, maxChars, value, maxEmbeddedDepth, maxEmbeddedDocuments, maxCompressionRatio);
    }

    public Limits withMaxEmbeddedDepth(int value) {
        return new Limits(maxInputBytes, maxChars, timeout, value, maxEmbeddedDocuments, maxCompressionRatio);
    }
}
