package vn.motcua.signature.sign;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** What to produce: level, algorithm, time-stamp source, texts, appearance, certification. Build with {@link #builder()}. */
public final class SignOptions {

    private final SignatureLevel level;
    private final SignatureAlgorithm algorithm;
    private final URI tsaUrl;
    private final String reason;
    private final String location;
    private final String contactInfo;
    private final Appearance appearance;
    private final Certification certification;
    private final Clock clock;
    private final Duration networkTimeout;
    private final String fieldName;

    private SignOptions(Builder b) {
        this.level = b.level;
        this.algorithm = b.algorithm;
        this.tsaUrl = b.tsaUrl;
        this.reason = b.reason;
        this.location = b.location;
        this.contactInfo = b.contactInfo;
        this.appearance = b.appearance;
        this.certification = b.certification;
        this.clock = b.clock;
        this.networkTimeout = b.networkTimeout;
        this.fieldName = b.fieldName;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** B-B, invisible, default algorithm for the key. */
    public static SignOptions defaults() {
        return builder().build();
    }

    public SignatureLevel level() {
        return level;
    }

    /** Null means the default for the key: RSASSA-PSS/SHA-256 or ECDSA/SHA-256. */
    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    public URI tsaUrl() {
        return tsaUrl;
    }

    public String reason() {
        return reason;
    }

    public String location() {
        return location;
    }

    public String contactInfo() {
        return contactInfo;
    }

    public Appearance appearance() {
        return appearance;
    }

    /** Null for an approval signature. */
    public Certification certification() {
        return certification;
    }

    public Clock clock() {
        return clock;
    }

    public Duration networkTimeout() {
        return networkTimeout;
    }

    /** Null: a new field with a generated name. */
    public String fieldName() {
        return fieldName;
    }

    public static final class Builder {
        private SignatureLevel level = SignatureLevel.B_B;
        private SignatureAlgorithm algorithm;
        private URI tsaUrl;
        private String reason;
        private String location;
        private String contactInfo;
        private Appearance appearance = Appearance.invisible();
        private Certification certification;
        private Clock clock = Clock.systemUTC();
        private Duration networkTimeout = Duration.ofSeconds(15);
        private String fieldName;

        private Builder() {
        }

        /** B-T and B-LT need {@link #tsaUrl(URI)}. */
        public Builder level(SignatureLevel level) {
            this.level = Objects.requireNonNull(level);
            return this;
        }

        public Builder algorithm(SignatureAlgorithm algorithm) {
            this.algorithm = algorithm;
            return this;
        }

        /** RFC 3161 time-stamping authority (HTTP POST application/timestamp-query). */
        public Builder tsaUrl(URI tsaUrl) {
            this.tsaUrl = tsaUrl;
            return this;
        }

        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        public Builder location(String location) {
            this.location = location;
            return this;
        }

        public Builder contactInfo(String contactInfo) {
            this.contactInfo = contactInfo;
            return this;
        }

        public Builder appearance(Appearance appearance) {
            this.appearance = Objects.requireNonNull(appearance);
            return this;
        }

        /** Makes this a certification (author) signature with the given DocMDP permissions; it must be the first. */
        public Builder certification(Certification certification) {
            this.certification = certification;
            return this;
        }

        /**
         * The clock giving the claimed signing time (/M and the printed time) and against which the certificate's
         * validity period is checked. The system clock unless a test or a replay needs another.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Timeout for each TSA, OCSP and CRL request (default 15 s). */
        public Builder networkTimeout(Duration timeout) {
            this.networkTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /**
         * Signs the document's empty signature field of this name (its page and rectangle win over the appearance's
         * position), or names the new field so when none exists. A field that is not a signature field or is already
         * signed is refused.
         */
        public Builder fieldName(String fieldName) {
            this.fieldName = fieldName;
            return this;
        }

        public SignOptions build() {
            if (level.timestamped() && tsaUrl == null) {
                throw new IllegalArgumentException(level + " needs a TSA URL");
            }
            return new SignOptions(this);
        }
    }
}
