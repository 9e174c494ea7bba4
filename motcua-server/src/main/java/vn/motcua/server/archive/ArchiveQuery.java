package vn.motcua.server.archive;

import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import vn.motcua.domain.dossier.Channel;
import vn.motcua.domain.dossier.DossierState;
import vn.motcua.domain.dossier.Verdict;
import vn.motcua.server.dossier.DeskException;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One archive search: every criterion is optional; all given criteria must hold. Document criteria (number, symbol, type,
 * signer, signature verdict, full text) must hold for one and the same document of the dossier. Dates are days in Vietnam
 * time, both ends included; they are accepted as yyyy-MM-dd or dd/MM/yyyy.
 */
public record ArchiveQuery(Optional<String> code, Optional<String> name, Optional<String> idNumber,
                           Optional<String> procedure, Optional<String> field, Optional<String> office,
                           Optional<Channel> channel, Optional<DossierState> state, Optional<Verdict> verdict,
                           DateRange received, DateRange due, DateRange resolved,
                           Optional<String> docNumber, Optional<String> docSymbol, Optional<String> docType,
                           Optional<String> signer, Optional<String> signatureVerdict, Optional<String> text,
                           Sort sort, int page, int size) {

    public static final int MAX_PAGE_SIZE = 100;
    private static final int MAX_TEXT = 200;
    private static final Set<String> SIGNATURE_VERDICTS = Set.of("GREEN", "RED", "GREY");
    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public enum Sort { RELEVANCE, RECEIVED_DESC, RECEIVED_ASC, DUE_ASC, RESOLVED_DESC, CODE }

    /** Days from and to, both included; either may be open. */
    public record DateRange(Optional<LocalDate> from, Optional<LocalDate> to) {
        public static final DateRange ANY = new DateRange(Optional.empty(), Optional.empty());

        public boolean isSet() {
            return from.isPresent() || to.isPresent();
        }
    }

    public static ArchiveQuery all() {
        return parse(new org.springframework.util.LinkedMultiValueMap<>());
    }

    /** Whether the query ranks by similarity or full-text relevance (a name or text was given). */
    public boolean ranked() {
        return name.isPresent() || text.isPresent();
    }

    /** Whether any document criterion is given. */
    public boolean documentCriteria() {
        return docNumber.isPresent() || docSymbol.isPresent() || docType.isPresent() || signer.isPresent()
                || signatureVerdict.isPresent() || text.isPresent();
    }

    /**
     * Reads request parameters; a malformed value is a {@link DeskException} (400) naming the parameter, never a silent
     * default. "123/QĐ-UBND" in {@code docNumber} is split into number and symbol.
     */
    public static ArchiveQuery parse(MultiValueMap<String, String> p) {
        Optional<String> docNumber = text(p, "docNumber");
        Optional<String> docSymbol = text(p, "docSymbol");
        if (docNumber.isPresent() && docNumber.get().contains("/")) {
            String full = docNumber.get();
            int slash = full.indexOf('/');
            docNumber = Optional.of(full.substring(0, slash).trim()).filter(s -> !s.isEmpty());
            if (docSymbol.isEmpty()) {
                docSymbol = Optional.of(full.substring(slash + 1).trim()).filter(s -> !s.isEmpty());
            }
        }
        Optional<String> signature = text(p, "signatureVerdict").map(s -> s.toUpperCase(Locale.ROOT));
        if (signature.isPresent() && !SIGNATURE_VERDICTS.contains(signature.get())) {
            throw invalid("signatureVerdict");
        }
        Optional<String> name = text(p, "name");
        Optional<String> textQuery = text(p, "text");
        Sort sort = enumValue(p, "sort", Sort.class)
                .orElse(name.isPresent() || textQuery.isPresent() ? Sort.RELEVANCE : Sort.RECEIVED_DESC);
        int page = integer(p, "page", 0);
        int size = integer(p, "size", 20);
        if (page < 0) {
            throw invalid("page");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw invalid("size");
        }
        return new ArchiveQuery(text(p, "code"), name, text(p, "idNumber").map(s -> s.replace(" ", "")),
                text(p, "procedure"), text(p, "field"), text(p, "office"),
                enumValue(p, "channel", Channel.class), enumValue(p, "state", DossierState.class),
                enumValue(p, "verdict", Verdict.class),
                range(p, "received"), range(p, "due"), range(p, "resolved"),
                docNumber, docSymbol, text(p, "docType"), text(p, "signer"), signature, textQuery,
                sort, page, size);
    }

    /** The same query at another page (the page links, the export). */
    public ArchiveQuery atPage(int page, int size) {
        return new ArchiveQuery(code, name, idNumber, procedure, field, office, channel, state, verdict, received, due,
                resolved, docNumber, docSymbol, docType, signer, signatureVerdict, text, sort, page, size);
    }

    private static Optional<String> text(MultiValueMap<String, String> p, String key) {
        String v = p.getFirst(key);
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        String trimmed = v.strip();
        if (trimmed.length() > MAX_TEXT) {
            throw invalid(key);
        }
        return Optional.of(trimmed);
    }

    private static <E extends Enum<E>> Optional<E> enumValue(MultiValueMap<String, String> p, String key, Class<E> type) {
        Optional<String> v = text(p, key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, v.get().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            throw invalid(key);
        }
    }

    private static int integer(MultiValueMap<String, String> p, String key, int otherwise) {
        Optional<String> v = text(p, key);
        if (v.isEmpty()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(v.get());
        } catch (NumberFormatException e) {
            throw invalid(key);
        }
    }

    private static DateRange range(MultiValueMap<String, String> p, String prefix) {
        Optional<LocalDate> from = date(p, prefix + "From");
        Optional<LocalDate> to = date(p, prefix + "To");
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "archive.error.range", prefix);
        }
        return new DateRange(from, to);
    }

    private static Optional<LocalDate> date(MultiValueMap<String, String> p, String key) {
        Optional<String> v = text(p, key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(v.get().contains("/") ? LocalDate.parse(v.get(), VN_DATE) : LocalDate.parse(v.get()));
        } catch (DateTimeParseException e) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "archive.error.date", key);
        }
    }

    private static DeskException invalid(String key) {
        return new DeskException(HttpStatus.BAD_REQUEST, "archive.error.parameter", key);
    }
}
