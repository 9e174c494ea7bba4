package vn.motcua.server.web;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.motcua.domain.DomainMessages;
import vn.motcua.domain.Labelled;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.domain.office.Role;
import vn.motcua.server.office.LiveCatalogue;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Helpers the templates call as {@code @fmt}: dates in Vietnam time as dd/MM/yyyy, labels and office names. */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final LiveCatalogue catalogue;
    private final MessageSource messages;

    public Formats(LiveCatalogue catalogue, MessageSource messages) {
        this.catalogue = catalogue;
        this.messages = messages;
    }

    /** A message key of the bundles, or (from a verifier that reports plain text) the text itself. */
    public String text(String keyOrText, Locale locale) {
        return keyOrText == null ? "" : messages.getMessage(keyOrText, null, keyOrText, locale);
    }

    public String label(Role role, Locale locale) {
        return role == null ? "" : DomainMessages.format(locale, role.labelKey());
    }

    public String date(Instant t) {
        return t == null ? "" : DATE.format(t.atZone(WorkingCalendar.ZONE));
    }

    public String time(Instant t) {
        return t == null ? "" : DATE_TIME.format(t.atZone(WorkingCalendar.ZONE));
    }

    public String label(Labelled value, Locale locale) {
        return value == null ? "" : DomainMessages.format(locale, value.labelKey());
    }

    public String office(String id, Locale locale) {
        return catalogue.offices().byId(id).map(o -> o.name(locale)).orElse(id);
    }

    public String kebab(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String size(long bytes) {
        return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? (bytes / 1024) + " KB" : (bytes / (1024 * 1024)) + " MB";
    }
}
