package vn.motcua.server.office;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.domain.office.Office;
import vn.motcua.domain.procedure.Procedure;
import vn.motcua.server.dossier.DeskException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Offices and the procedure catalogue, as the signed-in officer's desk uses them. */
@RestController
@Tag(name = "catalogue")
public class CatalogueApi {

    private final LiveCatalogue catalogue;
    private final Clock clock;

    public CatalogueApi(LiveCatalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    public record OfficeView(String id, String agencyCode, String level, String parentId, String name,
                             LocalDate validFrom, LocalDate validUntil) {
        static OfficeView of(Office o, Locale locale) {
            return new OfficeView(o.id(), o.agencyCode().value(), o.level().name(), o.parentId().orElse(null),
                    o.name(locale), o.validFrom().orElse(null), o.validUntil().orElse(null));
        }
    }

    public record ComponentView(String key, String name, String form, int quantity, boolean mandatory) {
    }

    public record ProcedureView(String code, int version, String name, String field, String competentLevel,
                                String timeLimit, boolean sameDayCutOff, String fee, String onlineLevel,
                                boolean interconnected, List<ComponentView> components) {
        static ProcedureView of(Procedure p, Locale locale) {
            boolean vi = "vi".equals(locale.getLanguage());
            return new ProcedureView(p.nationalCode(), p.version(), p.name(locale), vi ? p.fieldVi() : p.fieldEn(),
                    p.competentLevel().name(), p.timeLimit().amount() + " " + p.timeLimit().unit().name(),
                    p.sameDayCutOff(), vi ? p.fee().textVi() : p.fee().textEn(), p.onlineLevel().name(),
                    p.interconnected(), p.components().stream().map(c -> new ComponentView(c.key(),
                    vi ? c.nameVi() : c.nameEn(), c.form().name(), c.quantity(), c.mandatory())).toList());
        }
    }

    @GetMapping("/api/offices")
    @Operation(summary = "Offices valid today")
    public List<OfficeView> offices(Locale locale) {
        return catalogue.offices().validOn(today()).stream().map(o -> OfficeView.of(o, locale)).toList();
    }

    @GetMapping("/api/procedures")
    @Operation(summary = "Procedures in force today; q searches the name (with or without diacritics) and the code")
    public List<ProcedureView> procedures(@RequestParam Optional<String> q, Locale locale) {
        return ProcedureSearch.search(catalogue.procedures().validOn(today()), q.orElse("")).stream()
                .map(p -> ProcedureView.of(p, locale)).toList();
    }

    @GetMapping("/api/procedures/{code}")
    public ProcedureView procedure(@PathVariable String code, Locale locale) {
        return catalogue.procedures().versionOn(code, today()).map(p -> ProcedureView.of(p, locale))
                .orElseThrow(() -> new DeskException(HttpStatus.NOT_FOUND, "error.procedure.unknown"));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
