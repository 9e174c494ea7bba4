package vn.motcua.server.dossier;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.domain.DomainException;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.domain.dossier.ActionType;
import vn.motcua.domain.dossier.Channel;
import vn.motcua.domain.dossier.Dossier;
import vn.motcua.domain.dossier.DossierState;
import vn.motcua.domain.dossier.NoticeChannel;
import vn.motcua.server.document.DocumentService;
import vn.motcua.server.office.LiveCatalogue;
import vn.motcua.server.security.DeskUser;
import vn.motcua.server.slip.SlipFactory;
import vn.motcua.server.web.ApiErrors;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

/** The officer's pages: worklist (Hồ sơ của đơn vị), dossier page (Chi tiết hồ sơ) with its actions, signing (Ký số). */
@Controller
public class DossierPages {

    /** A dossier is "due soon" when less than this much calendar time is left. */
    private static final Duration DUE_SOON = Duration.ofDays(1);

    private final DossierService service;
    private final DocumentService documents;
    private final LiveCatalogue catalogue;
    private final WorkingCalendar calendar;
    private final ApiErrors errors;
    private final Clock clock;

    public DossierPages(DossierService service, DocumentService documents, LiveCatalogue catalogue,
                        WorkingCalendar calendar, ApiErrors errors, Clock clock) {
        this.service = service;
        this.documents = documents;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.errors = errors;
        this.clock = clock;
    }

    /** One worklist row, with its urgency. */
    public record Row(StoredDossier stored, boolean overdue, boolean dueSoon) {
        public Dossier d() {
            return stored.dossier();
        }
    }

    @GetMapping("/")
    public String worklist(@AuthenticationPrincipal DeskUser user, @RequestParam Optional<DossierState> state,
                           @RequestParam(defaultValue = "true") boolean held, Model model) {
        Instant now = clock.instant();
        List<Row> rows = service.list(user, new DossierService.Filter(state, Optional.empty(), Optional.empty(), held, 500))
                .stream().map(s -> row(s, now)).toList();
        model.addAttribute("rows", rows);
        Map<DossierState, Long> counts = new EnumMap<>(DossierState.class);
        service.counts(user).forEach((k, v) -> counts.put(DossierState.valueOf(k), v));
        model.addAttribute("counts", counts);
        model.addAttribute("states", DossierState.values());
        model.addAttribute("state", state.orElse(null));
        model.addAttribute("held", held);
        model.addAttribute("overdue", rows.stream().filter(Row::overdue).count());
        model.addAttribute("dueSoon", rows.stream().filter(Row::dueSoon).count());
        model.addAttribute("user", user);
        return "worklist";
    }

    private static Row row(StoredDossier s, Instant now) {
        Dossier d = s.dossier();
        boolean overdue = d.isOverdue(now);
        boolean dueSoon = !overdue && !d.isFinal() && d.dueAt().map(t -> t.isBefore(now.plus(DUE_SOON))).orElse(false);
        return new Row(s, overdue, dueSoon);
    }

    @GetMapping("/sign")
    public String sign(@AuthenticationPrincipal DeskUser user, Model model) {
        Instant now = clock.instant();
        model.addAttribute("rows", service.list(user, new DossierService.Filter(Optional.of(DossierState.APPROVED),
                Optional.empty(), Optional.empty(), true, 500)).stream().map(s -> row(s, now)).toList());
        return "sign";
    }

    @GetMapping("/dossiers/{id}")
    public String dossier(@AuthenticationPrincipal DeskUser user, @PathVariable long id, Model model,
                          HttpServletResponse response) {
        try {
            return page(user, service.get(user, id), model);
        } catch (DeskException e) {
            response.setStatus(e.status().value());
            model.addAttribute("error", errors.describe(e, currentLocale()));
            return "error-page";
        }
    }

    private String page(DeskUser user, StoredDossier d, Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("s", d);
        model.addAttribute("d", d.dossier());
        model.addAttribute("overdue", d.dossier().isOverdue(clock.instant()));
        model.addAttribute("documents", documents.forDossier(d.id()));
        model.addAttribute("allowed", service.allowedActions(user, d.dossier()).stream().sorted().toList());
        model.addAttribute("slips", SlipFactory.available(d.dossier()).stream().map(f -> f.name().substring(1)).toList());
        model.addAttribute("offices", catalogue.offices().validOn(today).stream()
                .filter(o -> !o.id().equals(d.dossier().currentOfficeId())).toList());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("noticeChannels", NoticeChannel.values());
        model.addAttribute("minDate", today.plusDays(1));
        return "dossier";
    }

    @PostMapping("/dossiers/{id}/actions/{action}")
    public String act(@AuthenticationPrincipal DeskUser user, @PathVariable long id, @PathVariable String action,
                      @RequestParam Optional<String> note, @RequestParam Optional<String> toOfficeId,
                      @RequestParam Optional<Channel> channel, @RequestParam Optional<LocalDate> newDueDate,
                      @RequestParam Optional<NoticeChannel> noticeChannel, @RequestParam Optional<Integer> expectedVersion,
                      @RequestParam Optional<MultipartFile> draft, Model model, RedirectAttributes redirect,
                      HttpServletResponse response) {
        Locale locale = currentLocale();
        try {
            ActionType type = ActionRequest.type(action);
            Optional<DocumentService.Upload> upload = draft.filter(f -> !f.isEmpty())
                    .map(f -> documents.accept(null, f.getOriginalFilename(), DossierApi.bytes(f)));
            ActionRequest request = new ActionRequest(note.orElse(null), toOfficeId.orElse(null), channel.orElse(null),
                    newDueDate.orElse(null), noticeChannel.orElse(null), expectedVersion.orElse(null));
            service.act(user, id, expectedVersion, request.toAction(type, calendar.counterHours().closing()), upload);
            redirect.addFlashAttribute("done", type);
            return "redirect:/dossiers/" + id;
        } catch (DomainException | DeskException e) {
            HttpStatus status = e instanceof DeskException de ? de.status() : HttpStatus.CONFLICT;
            response.setStatus(status.value());
            model.addAttribute("error", errors.describe(e, locale));
            try {
                return page(user, service.get(user, id), model);
            } catch (DeskException notVisible) {
                return "error-page";
            }
        }
    }

    static Locale currentLocale() {
        return org.springframework.context.i18n.LocaleContextHolder.getLocale();
    }
}
