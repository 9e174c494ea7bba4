package vn.motcua.server.alfresco;

import org.springframework.http.HttpStatus;
import vn.motcua.extraction.Extraction;
import vn.motcua.extraction.ExtractionResult;
import vn.motcua.extraction.Limits;
import vn.motcua.extraction.Message;
import vn.motcua.extraction.header.DocumentHeader;
import vn.motcua.extraction.header.Field;
import vn.motcua.signature.Signatures;
import vn.motcua.signature.verify.SignatureReport;
import vn.motcua.signature.verify.SubIndication;
import vn.motcua.signature.verify.VerificationException;
import vn.motcua.signature.verify.VerificationOptions;
import vn.motcua.signature.verify.VerificationReport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the T-Engine answers for one file: the Decree-30 header (motcua-extraction) as {@code mc:adminDocument} properties,
 * the signature summary (motcua-signature, PDF only) as {@code mc:signed} properties, and the file's own title and author,
 * all keyed by full QNames. Properties with no value are left out, so Alfresco keeps what it has.
 */
class MetadataExtractor {

    /** The types Alfresco may send: what motcua-extraction parses without OCR. */
    static final List<String> SOURCE_TYPES = List.of(
            "application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/msword",
            "application/vnd.oasis.opendocument.text",
            "application/rtf",
            "text/plain",
            "text/html");

    static final String CM = "{http://www.alfresco.org/model/content/1.0}";
    static final String SYS = "{http://www.alfresco.org/model/system/1.0}";
    static final String MC = "{http://www.motcua.vn/model/motcua/1.0}";

    /** Either the properties or a failure status with a bundle key (the T-Engine answers non-2xx). */
    record Result(Map<String, Object> properties, HttpStatus failure, Message message) {
    }

    private final Limits limits;
    private final VerificationOptions verification;
    private final Clock clock;
    private final String verifierVersion;

    MetadataExtractor(Limits limits, VerificationOptions verification, Clock clock) {
        this.limits = limits;
        this.verification = verification;
        this.clock = clock;
        String v = Signatures.class.getPackage().getImplementationVersion();
        this.verifierVersion = "motcua-signature " + (v == null ? "development build" : v);
    }

    Result extract(InputStream in, String fileName, String mediaType) throws IOException {
        Path temp = Files.createTempFile("motcua-transform-", ".bin");
        try {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            ExtractionResult r;
            try (InputStream file = Files.newInputStream(temp)) {
                r = Extraction.extract(file, fileName, limits);
            }
            switch (r.status()) {
                case OK -> {
                }
                case TOO_LARGE -> {
                    return new Result(null, HttpStatus.CONTENT_TOO_LARGE, r.message());
                }
                case TIMED_OUT -> {
                    return new Result(null, HttpStatus.GATEWAY_TIMEOUT, r.message());
                }
                case UNSUPPORTED -> {
                    return new Result(null, HttpStatus.UNSUPPORTED_MEDIA_TYPE, r.message());
                }
                default -> {
                    return new Result(null, HttpStatus.UNPROCESSABLE_CONTENT, r.message());
                }
            }
            Map<String, Object> p = new LinkedHashMap<>();
            r.metadata().title().filter(t -> !t.isBlank()).ifPresent(t -> p.put(CM + "title", t));
            r.metadata().author().filter(a -> !a.isBlank()).ifPresent(a -> p.put(CM + "author", a));
            header(r.header(), p);
            if (mediaType.equals("application/pdf")) {
                signature(temp, fileName, p);
            }
            // Values a user typed in Share win over extracted ones.
            p.put(SYS + "overwritePolicy", "PRAGMATIC");
            return new Result(p, null, null);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void header(DocumentHeader h, Map<String, Object> p) {
        put(p, "issuingBody", h.issuingBody(), Function.identity());
        put(p, "documentNumber", h.number(), Function.identity());
        put(p, "documentSymbol", h.symbol(), Function.identity());
        put(p, "documentType", h.documentType(), t -> t.label(Locale.forLanguageTag("vi")));
        put(p, "issueDate", h.date(), Object::toString);
        put(p, "issuePlace", h.place(), Function.identity());
        put(p, "summary", h.summary(), Function.identity());
        put(p, "signerName", h.signerName(), Function.identity());
        put(p, "signerTitle", h.signerTitle(), Function.identity());
        put(p, "authorityPrefix", h.signerAuthority(), Enum::name);
    }

    private static <T> void put(Map<String, Object> p, String local, Optional<Field<T>> field, Function<T, String> text) {
        field.map(f -> text.apply(f.value())).filter(s -> !s.isBlank()).ifPresent(v -> p.put(MC + local, v));
    }

    private void signature(Path pdf, String fileName, Map<String, Object> p) {
        VerificationReport report;
        try {
            report = Signatures.verify(pdf, verification);
        } catch (VerificationException e) {
            // A PDF the verifier cannot read has no verdict; the header fields still go back.
            return;
        }
        if (report.signatures().isEmpty() && report.subIndication() == SubIndication.NO_SIGNATURE_FOUND) {
            return;
        }
        p.put(MC + "signatureVerdict", report.verdict().name());
        p.put(MC + "signatureVerifiedAt", clock.instant().toString());
        p.put(MC + "verifierVersion", verifierVersion);
        if (!report.signatures().isEmpty()) {
            SignatureReport first = report.signatures().get(0);
            SignatureReport last = report.signatures().get(report.signatures().size() - 1);
            if (first.signerName() != null) {
                p.put(MC + "signatureSigner", first.signerName());
            }
            if (first.issuer() != null) {
                p.put(MC + "signatureIssuer", first.issuer());
            }
            if (first.signingTime() != null) {
                p.put(MC + "signingTime", first.signingTime().toString());
            }
            if (first.timestampTime() != null) {
                p.put(MC + "timestampTime", first.timestampTime().toString());
            }
            if (first.level() != null) {
                p.put(MC + "signatureLevel", first.level().replace('-', '_'));
            }
            p.put(MC + "modifiedAfterSigning", last.coverage() != SignatureReport.Coverage.WHOLE_FILE);
        }
    }
}
