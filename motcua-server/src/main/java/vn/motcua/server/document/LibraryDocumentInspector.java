package vn.motcua.server.document;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.motcua.extraction.Extraction;
import vn.motcua.extraction.ExtractionResult;
import vn.motcua.extraction.Limits;
import vn.motcua.extraction.Status;
import vn.motcua.extraction.header.DocumentHeader;
import vn.motcua.extraction.header.Field;
import vn.motcua.server.admin.TrustList;
import vn.motcua.signature.Signatures;
import vn.motcua.signature.verify.SubIndication;
import vn.motcua.signature.verify.VerificationException;
import vn.motcua.signature.verify.VerificationOptions;
import vn.motcua.signature.verify.VerificationReport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The desk's inspector: the Decree-30 header fields and the text come from motcua-extraction (no OCR), the signature
 * verdict from motcua-signature. A document the libraries cannot read still gets stored: it is shown with the grey badge
 * and the reason, never refused here (the upload checks already ran).
 *
 * <p>The trust anchors are the CA certificates of the administrators' trust list ({@link TrustList},
 * {@code /api/admin/trust}) plus, optionally, a PEM/DER file or directory named by {@code motcua.signature.trust-list}; both are read
 * at every inspection, so a certificate an administrator adds applies without a restart. Without a trust list, a signature whose
 * only problem is trust is INDETERMINATE (grey), never valid.
 */
@Component
class LibraryDocumentInspector implements DocumentInspector {

    private static final Logger LOG = LoggerFactory.getLogger(LibraryDocumentInspector.class);
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final Limits limits;
    private final Supplier<List<X509Certificate>> administered;
    private final String trustList;
    private final boolean online;

    @Autowired
    LibraryDocumentInspector(ObjectProvider<TrustList> administered,
                             @Value("${motcua.signature.trust-list:}") String trustList,
                             @Value("${motcua.signature.online-revocation:false}") boolean online,
                             @Value("${motcua.extraction.timeout:PT20S}") Duration timeout,
                             @Value("${motcua.extraction.max-chars:2000000}") int maxChars) {
        this(() -> administered.stream().flatMap(t -> t.anchors().stream()).toList(), trustList, online, timeout,
                maxChars);
    }

    LibraryDocumentInspector(Supplier<List<X509Certificate>> administered, String trustList, boolean online,
                             Duration timeout, int maxChars) {
        this.limits = Limits.defaults().withTimeout(timeout).withMaxChars(maxChars);
        this.administered = administered;
        this.trustList = trustList;
        this.online = online;
    }

    @Override
    public DocumentInspection inspect(String fileName, String mediaType, byte[] content) {
        ExtractionResult extracted = Extraction.extract(new ByteArrayInputStream(content), fileName, limits);
        Map<String, String> fields = extracted.ok() ? fields(extracted.header()) : Map.of();
        String text = extracted.ok() ? searchable(extracted.text()) : "";
        if (!"application/pdf".equals(mediaType)) {
            return new DocumentInspection(DocumentInspection.Badge.GREY, "signature.notApplicable", fields, text);
        }
        if (!looksSigned(content)) {
            // Most uploads are unsigned scans: no second parse of the file for a signature that cannot be there. A
            // signature dictionary always shows /ByteRange in the raw bytes (its /Contents are patched in place after
            // writing, so it can never sit in a compressed object stream).
            return new DocumentInspection(DocumentInspection.Badge.GREY,
                    extracted.status() == Status.DAMAGED ? "signature.damagedUnsigned" : "signature.none", fields, text);
        }
        return verify(fileName, content, fields, text);
    }

    private DocumentInspection verify(String fileName, byte[] content, Map<String, String> fields, String text) {
        Path folder = null;
        try {
            // Under its own name, so the verifier's summary names the file the officer uploaded.
            folder = Files.createTempDirectory("motcua-inspect-");
            Path pdf = folder.resolve(fileName);
            Files.write(pdf, content);
            VerificationReport report = Signatures.verify(pdf, options());
            if (report.signatures().isEmpty() && report.subIndication() == SubIndication.NO_SIGNATURE_FOUND) {
                return new DocumentInspection(DocumentInspection.Badge.GREY, "signature.none", fields, text);
            }
            if (report.signatures().isEmpty() && !looksSigned(content)) {
                // A damaged file yields no signature list; red only if it looks signed, else an unsigned scan with
                // a broken cross-reference table would be shown as a forged signature.
                return new DocumentInspection(DocumentInspection.Badge.GREY, "signature.damagedUnsigned", fields, text);
            }
            DocumentInspection.Badge badge = switch (report.verdict()) {
                case VALID -> DocumentInspection.Badge.GREEN;
                case INVALID -> DocumentInspection.Badge.RED;
                case INDETERMINATE -> DocumentInspection.Badge.GREY;
            };
            // Stored once, shown to users of either language: Vietnamese first, English second.
            String summary = report.summary(VI).strip() + "\n—\n" + report.summary(Locale.ENGLISH).strip();
            return new DocumentInspection(badge, summary, fields, text);
        } catch (VerificationException e) {
            // Not readable as a PDF at all, so there is no signature to judge; a damaged file that does hold a
            // signature comes back as an INVALID report above, never through here.
            return new DocumentInspection(DocumentInspection.Badge.GREY,
                    e.message(VI) + "\n—\n" + e.message(Locale.ENGLISH), fields, text);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Signature check of an upload failed: {}", e.toString());
            return new DocumentInspection(DocumentInspection.Badge.GREY, "signature.notChecked", fields, text);
        } finally {
            deleteQuietly(folder);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(folder);
        } catch (IOException ignored) {
            // a left-over temp file is harmless
        }
    }

    private VerificationOptions options() throws IOException {
        VerificationOptions.Builder b = VerificationOptions.builder().online(online).trustAnchors(administered.get());
        if (!trustList.isBlank() && Files.exists(Path.of(trustList))) {
            b.trustList(Path.of(trustList));
        }
        return b.build();
    }

    /**
     * Header fields under stable keys: {@code number}, {@code symbol}, {@code type}, {@code signer} feed the archive
     * search columns; the others are shown on the dossier page.
     */
    static Map<String, String> fields(DocumentHeader h) {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "issuingBody", h.issuingBody(), Function.identity());
        put(m, "number", h.number(), Function.identity());
        put(m, "symbol", h.symbol(), Function.identity());
        put(m, "type", h.documentType(), t -> t.label(VI));
        put(m, "issueDate", h.date(), Object::toString);
        put(m, "place", h.place(), Function.identity());
        put(m, "summary", h.summary(), Function.identity());
        put(m, "authority", h.signerAuthority(), Enum::name);
        put(m, "signerTitle", h.signerTitle(), Function.identity());
        put(m, "signer", h.signerName(), Function.identity());
        return m;
    }

    private static <T> void put(Map<String, String> m, String key, Optional<Field<T>> field, Function<T, String> text) {
        field.map(f -> text.apply(f.value())).map(String::strip).filter(s -> !s.isEmpty()).ifPresent(v -> m.put(key, v));
    }

    private static boolean looksSigned(byte[] pdf) {
        return new String(pdf, StandardCharsets.ISO_8859_1).contains("/ByteRange");
    }

    /** PostgreSQL text cannot hold NUL characters, which some extracted texts carry. */
    private static String searchable(String text) {
        return text == null ? "" : text.replace("\u0000", "");
    }
}
