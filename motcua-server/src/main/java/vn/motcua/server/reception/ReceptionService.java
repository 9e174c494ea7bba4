package vn.motcua.server.reception;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.domain.code.DossierCode;
import vn.motcua.domain.dossier.Channel;
import vn.motcua.domain.dossier.Dossier;
import vn.motcua.domain.dossier.DossierLifecycle;
import vn.motcua.domain.dossier.Reception;
import vn.motcua.domain.office.Actor;
import vn.motcua.domain.office.Office;
import vn.motcua.domain.office.Role;
import vn.motcua.domain.procedure.Procedure;
import vn.motcua.server.audit.AuditLog;
import vn.motcua.server.document.DocumentInspection;
import vn.motcua.server.document.DocumentKind;
import vn.motcua.server.document.DocumentService;
import vn.motcua.server.document.PendingInspections;
import vn.motcua.server.dossier.Applicant;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.server.dossier.DossierRepository;
import vn.motcua.server.dossier.StoredDossier;
import vn.motcua.server.office.LiveCatalogue;
import vn.motcua.server.security.DeskUser;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reception at the desk: checks the applicant and the files, then in ONE transaction takes the day's next number, lets
 * the domain decide (accepted with Form 01, incomplete with Form 02, refused with Form 03) and records the dossier and its
 * documents. A failure anywhere rolls everything back, the day's number included.
 */
@Service
public class ReceptionService {

    private static final Pattern ID_NUMBER = Pattern.compile("[0-9A-Za-z]{6,20}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 .-]{6,20}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}");

    private final LiveCatalogue catalogue;
    // The calendar in force (administrators edit it at run time), read on every call.
    private final vn.motcua.server.admin.LiveCalendar live;
    private final PostgresDailySequence sequence;
    private final DossierRepository dossiers;
    private final DocumentService documents;
    private final PendingInspections inspections;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ReceptionService(LiveCatalogue catalogue, vn.motcua.server.admin.LiveCalendar live,
                            PostgresDailySequence sequence, DossierRepository dossiers, DocumentService documents,
                            PendingInspections inspections, AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.catalogue = catalogue;
        this.live = live;
        this.sequence = sequence;
        this.dossiers = dossiers;
        this.documents = documents;
        this.inspections = inspections;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** What the reception officer entered. {@code provided}: component keys ticked on the checklist. */
    public record Command(String procedureCode, Applicant applicant, Channel channel, Reception.Outcome outcome,
                          String note, Set<String> provided, List<DocumentService.Upload> uploads) {
    }

    public StoredDossier receive(DeskUser user, Command c) {
        if (!user.has(Role.RECEPTION)) {
            throw new DeskException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
        validate(c.applicant());
        Instant now = clock.instant();
        LocalDate day = now.atZone(WorkingCalendar.ZONE).toLocalDate();
        Procedure procedure = catalogue.procedures()
                .versionOn(c.procedureCode() == null ? "" : c.procedureCode().strip(), day)
                .orElseThrow(() -> new DeskException(HttpStatus.UNPROCESSABLE_CONTENT, "error.procedure.unknown"));
        Office office = catalogue.offices().byId(user.officeId())
                .orElseThrow(() -> new DeskException(HttpStatus.FORBIDDEN, "error.forbidden"));
        Set<String> provided = new HashSet<>(c.provided());
        c.uploads().forEach(u -> provided.add(u.component()));
        Actor actor = new Actor(user.username(), Role.RECEPTION, user.officeId());
        List<Long> toInspect = new java.util.ArrayList<>();
        Reception reception = new Reception(procedure, actor, c.channel(), now, provided, c.outcome(),
                c.note() == null ? "" : c.note());
        DossierLifecycle lifecycle = live.lifecycle();
        StoredDossier received = tx.execute(status -> {
            // The history and the files are written first and the dossier's row last: the day's number is taken as late
            // as possible, because receptions of one office and day queue on that number's row lock until they commit.
            // It is held only for the dossier's row, the audit row and the commit, and the numbers stay gap-free and in
            // commit order.
            long id = dossiers.reserveId();
            dossiers.insertHistory(id, lifecycle.receive(reception,
                    new DossierCode(office.agencyCode(), day, DossierCode.MAX_SEQUENCE)));
            for (DocumentService.Upload u : c.uploads()) {
                long documentId = documents.record(id, DocumentKind.COMPONENT, u, null, false, user.username(), now);
                if (u.inspection().signature() == DocumentInspection.Badge.PENDING) {
                    toInspect.add(documentId);
                }
            }
            DossierCode code = sequence.nextCode(office.agencyCode(), day);
            Dossier d = lifecycle.receive(reception, code);
            dossiers.insertReserved(id, d, c.applicant(), now);
            audit.record(user.username(), "dossier.RECEIVE", code.value(),
                    "state " + d.state() + " procedure " + procedure.nationalCode() + " files " + c.uploads().size());
            return new StoredDossier(id, d, c.applicant());
        });
        // Committed: the files are safe and recorded; their text and signatures are read in the background.
        inspections.submit(toInspect);
        return received;
    }

    private static void validate(Applicant a) {
        require(a.name() != null && !a.name().isBlank() && a.name().length() <= 200, "error.applicant.name");
        require(a.idNumber() != null && ID_NUMBER.matcher(a.idNumber().strip()).matches(), "error.applicant.idNumber");
        require(a.phone() == null || a.phone().isBlank() || PHONE.matcher(a.phone().strip()).matches(),
                "error.applicant.phone");
        require(a.email() == null || a.email().isBlank() || EMAIL.matcher(a.email().strip()).matches(),
                "error.applicant.email");
        require(a.address() == null || a.address().length() <= 500, "error.applicant.address");
    }

    private static void require(boolean ok, String key) {
        if (!ok) {
            throw new DeskException(HttpStatus.BAD_REQUEST, key);
        }
    }
}
