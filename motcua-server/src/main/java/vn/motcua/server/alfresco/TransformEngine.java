package vn.motcua.server.alfresco;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.bind.MissingServletRequestParameterException;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The server as an Alfresco transform engine (T-Engine) for {@code alfresco-metadata-extract}: Alfresco reads
 * {@code GET /transform/config} and, for a file uploaded in a supported type, posts it to {@code POST /transform}; the
 * answer's keys are full QNames of the mc model ({@code mc:adminDocument} header fields, {@code mc:signed} signature summary)
 * and the usual {@code cm:title} / {@code cm:author}. The priority beats the stock Tika engine's (50). Only in the Alfresco
 * mode; reachable without a session but only from the networks in {@code motcua.transform.allowed-networks}.
 */
@RestController
@ConditionalOnProperty(name = "motcua.store", havingValue = "alfresco")
class TransformEngine {

    static final String TARGET = "alfresco-metadata-extract";
    static final String TRANSFORMER = "motcua-metadata-extract";
    static final int PRIORITY = 40;

    private final MetadataExtractor extractor;
    private final String version;

    TransformEngine(MetadataExtractor extractor) {
        this.extractor = extractor;
        String v = TransformEngine.class.getPackage().getImplementationVersion();
        this.version = "MotCua metadata T-Engine " + (v == null ? "development build" : v);
    }

    /** The engine's configuration (version 2 shape; older repositories ask without configVersion and read the same). */
    @GetMapping(value = "/transform/config", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> config(@RequestParam(name = "configVersion", required = false) Integer configVersion) {
        List<Map<String, Object>> pairs = MetadataExtractor.SOURCE_TYPES.stream()
                .<Map<String, Object>>map(type -> Map.of("sourceMediaType", type, "targetMediaType", TARGET,
                        "priority", PRIORITY))
                .toList();
        Map<String, Object> transformer = new LinkedHashMap<>();
        transformer.put("transformerName", TRANSFORMER);
        transformer.put("supportedSourceAndTargetList", pairs);
        transformer.put("transformOptions", List.of("motcuaMetadataOptions"));
        return Map.of("transformOptions", Map.of("motcuaMetadataOptions", List.of(
                        option("extractMapping"), option("sourceEncoding"), option("sourceFilename"), option("timeout"))),
                "transformers", List.of(transformer));
    }

    private static Map<String, Object> option(String name) {
        return Map.of("value", Map.of("name", name));
    }

    @PostMapping(value = "/transform", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> transform(@RequestParam("file") MultipartFile file,
                                                  @RequestParam("sourceMimetype") String sourceMimetype,
                                                  @RequestParam("targetMimetype") String targetMimetype,
                                                  @RequestParam(name = "sourceFilename", required = false) String fileName)
            throws IOException {
        if (!TARGET.equals(targetMimetype)) {
            return error(HttpStatus.BAD_REQUEST, "transform.unsupportedTarget");
        }
        if (!MetadataExtractor.SOURCE_TYPES.contains(sourceMimetype)) {
            return error(HttpStatus.BAD_REQUEST, "transform.unsupportedSource");
        }
        if (file.isEmpty()) {
            return error(HttpStatus.BAD_REQUEST, "transform.emptyFile");
        }
        String name = fileName != null && !fileName.isBlank() ? fileName : file.getOriginalFilename();
        try (InputStream in = file.getInputStream()) {
            MetadataExtractor.Result result = extractor.extract(in, name == null ? "file" : name, sourceMimetype);
            if (result.failure() != null) {
                return ResponseEntity.status(result.failure()).contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("status", result.failure().value(), "key", result.message().key(),
                                "vi", result.message().vi(), "en", result.message().en()));
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(result.properties());
        }
    }

    @GetMapping(value = "/ready", produces = MediaType.TEXT_PLAIN_VALUE)
    String ready() {
        return "Success - T-Engine ready";
    }

    @GetMapping(value = "/live", produces = MediaType.TEXT_PLAIN_VALUE)
    String live() {
        return "Success - T-Engine live";
    }

    @GetMapping(value = "/version", produces = MediaType.TEXT_PLAIN_VALUE)
    String version() {
        return version;
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class})
    ResponseEntity<Map<String, Object>> missing(Exception e) {
        return error(HttpStatus.BAD_REQUEST, "transform.missingParameter");
    }

    /** The error body: status, bundle key, Vietnamese and English text (Alfresco logs it). */
    static ResponseEntity<Map<String, Object>> error(HttpStatus status, String key) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", status.value(), "key", key, "vi", text(key, "vi"), "en", text(key, "en")));
    }

    private static String text(String key, String language) {
        ResourceBundle bundle = ResourceBundle.getBundle("alfresco-mode/transform", Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return bundle.containsKey(key) ? bundle.getString(key) : key;
    }
}
