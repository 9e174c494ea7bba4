package vn.motcua.server.office;

import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import vn.motcua.domain.DomainMessages;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a refused catalogue change: the RFC 9457 problem of the API (as {@code ApiErrors} does, plus an {@code errors}
 * list of {path, key, vi, en}) and the lines the administration pages show.
 */
@Component
public class CatalogueProblems {

    private final MessageSource messages;

    public CatalogueProblems(MessageSource messages) {
        this.messages = messages;
    }

    ProblemDetail problem(CatalogueImportException e, Locale locale) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(e.status(), text(e.key(), e.args(), locale));
        p.setType(URI.create("urn:motcua:" + e.key()));
        p.setTitle(e.status().getReasonPhrase());
        p.setProperty("key", e.key());
        p.setProperty("vi", text(e.key(), e.args(), DomainMessages.VIETNAMESE));
        p.setProperty("en", text(e.key(), e.args(), Locale.ENGLISH));
        p.setProperty("errors", e.problems().stream().map(x -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", x.path());
            m.put("key", x.key());
            m.put("vi", text(x.key(), x.args().toArray(), DomainMessages.VIETNAMESE));
            m.put("en", text(x.key(), x.args().toArray(), Locale.ENGLISH));
            return m;
        }).toList());
        return p;
    }

    /** The summary then one line per problem, "path: message", in the page's language. */
    List<String> lines(CatalogueImportException e, Locale locale) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(text(e.key(), e.args(), locale)),
                e.problems().stream().map(x -> x.path() + ": " + text(x.key(), x.args().toArray(), locale))).toList();
    }

    private String text(String key, Object[] args, Locale locale) {
        return messages.getMessage(key, args, key, locale);
    }
}
