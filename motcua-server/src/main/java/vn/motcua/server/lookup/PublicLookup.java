package vn.motcua.server.lookup;

import org.springframework.stereotype.Service;
import vn.motcua.domain.DomainMessages;
import vn.motcua.domain.code.DossierCode;
import vn.motcua.domain.office.Office;
import vn.motcua.server.dossier.DossierRepository;
import vn.motcua.server.office.LiveCatalogue;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * What a citizen may learn from a dossier code: status, due date and the office holding it — nothing about the
 * applicant. A malformed code is a typed error; an unknown one is simply "not found".
 */
@Service
public class PublicLookup {

    private final DossierRepository dossiers;
    private final LiveCatalogue catalogue;
    private final Clock clock;

    public PublicLookup(DossierRepository dossiers, LiveCatalogue catalogue, Clock clock) {
        this.dossiers = dossiers;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    public record Status(String code, String state, String stateLabel, Instant dueAt, boolean overdue, String officeId,
                         String officeName, java.util.List<String> results) {
    }

    /** @throws vn.motcua.domain.InvalidCodeException when the text is not a dossier code */
    public Optional<Status> find(String text, Locale locale) {
        String code = DossierCode.parse(text).value();
        return dossiers.findByCode(code).map(s -> {
            var d = s.dossier();
            return new Status(code, d.state().name(), DomainMessages.format(locale, d.state().labelKey()),
                    d.dueAt().orElse(null), d.isOverdue(clock.instant()), d.currentOfficeId(),
                    catalogue.offices().byId(d.currentOfficeId()).map(o -> o.name(locale)).orElse(d.currentOfficeId()),
                    d.results().stream().map(Object::toString).toList());
        });
    }

    public Optional<Office> office(String id) {
        return catalogue.offices().byId(id);
    }
}
