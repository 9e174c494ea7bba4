package vn.motcua.server.slip;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import vn.motcua.domain.DomainMessages;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.domain.dossier.ActionType;
import vn.motcua.domain.dossier.Dossier;
import vn.motcua.domain.dossier.DossierState;
import vn.motcua.domain.dossier.HistoryEntry;
import vn.motcua.domain.office.Office;
import vn.motcua.domain.procedure.Procedure;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.server.dossier.StoredDossier;
import vn.motcua.server.office.LiveCatalogue;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Fills the official forms from a dossier: 01 receipt and appointment, 02 supplement guidance, 03 refusal, 04 apology with a
 * new date, 05 processing control slip. Official forms are always in Vietnamese; the words come from the message bundles.
 */
@Component
public class SlipFactory {

    public enum Form { F01, F02, F03, F04, F05 }

    private static final Locale VI = DomainMessages.VIETNAMESE;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private final MessageSource messages;
    private final LiveCatalogue catalogue;
    private final String publicUrl;

    public SlipFactory(MessageSource messages, LiveCatalogue catalogue,
                       @Value("${motcua.public-url}") String publicUrl) {
        this.messages = messages;
        this.catalogue = catalogue;
        this.publicUrl = publicUrl;
    }

    public static Form form(String number) {
        return switch (number) {
            case "01" -> Form.F01;
            case "02" -> Form.F02;
            case "03" -> Form.F03;
            case "04" -> Form.F04;
            case "05" -> Form.F05;
            default -> throw new DeskException(HttpStatus.NOT_FOUND, "error.slip.unknown", number);
        };
    }

    /** The forms that exist for the dossier in its present state (Form 05 always does). */
    public static List<Form> available(Dossier d) {
        List<Form> forms = new ArrayList<>();
        if (d.dueAt().isPresent()) {
            forms.add(Form.F01);
        }
        if (d.state() == DossierState.INCOMPLETE) {
            forms.add(Form.F02);
        }
        if (d.history().stream().anyMatch(e -> e.to() == DossierState.REFUSED)) {
            forms.add(Form.F03);
        }
        if (d.history().stream().anyMatch(e -> e.action() == ActionType.APOLOGIZE)) {
            forms.add(Form.F04);
        }
        forms.add(Form.F05);
        return forms;
    }

    public String lookupUrl(String code) {
        return UriComponentsBuilder.fromUriString(publicUrl).path("/lookup").queryParam("code", code).build().toUriString();
    }

    public Slip build(StoredDossier stored, Form form) {
        Dossier d = stored.dossier();
        if (!available(d).contains(form)) {
            throw new DeskException(HttpStatus.CONFLICT, "error.slip.notAvailable", form.name().substring(1));
        }
        Office office = catalogue.offices().byId(d.receivingOfficeId()).orElseThrow();
        Procedure p = d.procedure();
        List<Slip.Field> fields = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        List<List<String>> table = null;
        String qr = null;
        fields.add(field("slip.field.code", d.code().value()));
        fields.add(field("slip.field.procedure", p.nameVi() + " (" + p.provincialCode(office.agencyCode()) + ")"));
        fields.add(field("slip.field.applicant", stored.applicant().name()));
        switch (form) {
            case F01 -> {
                fields.add(field("slip.field.idNumber", stored.applicant().idNumber()));
                fields.add(field("slip.field.phone", nullToEmpty(stored.applicant().phone())));
                fields.add(field("slip.field.address", nullToEmpty(stored.applicant().address())));
                fields.add(field("slip.field.channel", DomainMessages.format(VI, d.channel().labelKey())));
                fields.add(field("slip.field.receivedAt", time(d.receivedAt())));
                fields.add(field("slip.field.dueAt", time(d.dueAt().orElseThrow())));
                paragraphs.add(text("slip.01.components"));
                for (var c : p.components()) {
                    paragraphs.add("– " + c.nameVi() + " (" + text("component.form." + c.form().name())
                            + ", " + c.quantity() + ")");
                }
                paragraphs.add(text("slip.01.note"));
                qr = lookupUrl(d.code().value());
            }
            case F02 -> {
                paragraphs.add(text("slip.02.missing"));
                for (String key : d.missingComponents()) {
                    p.components().stream().filter(c -> c.key().equals(key))
                            .forEach(c -> paragraphs.add("– " + c.nameVi()));
                }
                String note = d.history().get(0).note();
                if (!note.isBlank()) {
                    paragraphs.add(text("slip.02.guidance") + " " + note);
                }
            }
            case F03 -> {
                HistoryEntry refusal = d.history().stream().filter(e -> e.to() == DossierState.REFUSED)
                        .reduce((a, b) -> b).orElseThrow();
                paragraphs.add(text("slip.03.reason") + " " + refusal.note());
            }
            case F04 -> {
                HistoryEntry apology = d.history().stream().filter(e -> e.action() == ActionType.APOLOGIZE)
                        .reduce((a, b) -> b).orElseThrow();
                Optional<Instant> before = d.history().stream()
                        .filter(e -> e.sequence() < apology.sequence() && e.dueAt().isPresent())
                        .reduce((a, b) -> b).flatMap(HistoryEntry::dueAt);
                before.ifPresent(t -> fields.add(field("slip.field.oldDueAt", time(t))));
                apology.dueAt().ifPresent(t -> fields.add(field("slip.field.newDueAt", time(t))));
                paragraphs.add(text("slip.04.apology") + " " + apology.note());
            }
            case F05 -> {
                table = new ArrayList<>();
                table.add(List.of(text("slip.05.col.no"), text("slip.05.col.action"), text("slip.05.col.by"),
                        text("slip.05.col.heldBy"), text("slip.05.col.at"), text("slip.05.col.deadline"),
                        text("slip.05.col.verdict"), text("slip.05.col.note")));
                for (HistoryEntry e : d.history()) {
                    table.add(List.of(String.valueOf(e.sequence()), DomainMessages.format(VI, e.action().labelKey()),
                            e.userId(), officeName(e.heldByOfficeId()),
                            time(e.at()), e.stepDeadline().map(SlipFactory::time).orElse(""),
                            e.verdict().map(v -> DomainMessages.format(VI, v.labelKey())).orElse(""), e.note()));
                }
            }
        }
        // Decree 30's place-and-date line, always in Vietnamese on the official forms.
        String place = office.nameVi() + ", " + DateTimeFormatter.ofPattern(text("slip.date.pattern"))
                .format(d.lastEntry().at().atZone(WorkingCalendar.ZONE));
        return new Slip(office.nameVi().toUpperCase(VI), text("slip.national.title"), text("slip.national.motto"),
                text("slip.form." + form.name().substring(1)), text("slip.title." + form.name().substring(1)), place,
                fields, table, paragraphs, qr, text(form == Form.F05 ? "slip.footer.office" : "slip.footer.officer"),
                form == Form.F05 ? null : d.lastEntry().userId());
    }

    private String officeName(String id) {
        return catalogue.offices().byId(id).map(Office::nameVi).orElse(id);
    }

    private Slip.Field field(String key, String value) {
        return new Slip.Field(text(key), value);
    }

    private String text(String key) {
        return messages.getMessage(key, null, VI);
    }

    private static String time(Instant t) {
        return DATE_TIME.format(t.atZone(WorkingCalendar.ZONE));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
