package vn.motcua.server.alfresco;

import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.domain.dossier.ActionType;
import vn.motcua.domain.dossier.Dossier;
import vn.motcua.domain.dossier.DossierState;
import vn.motcua.domain.dossier.HistoryEntry;
import vn.motcua.domain.office.Office;
import vn.motcua.domain.procedure.OnlineLevel;
import vn.motcua.server.dossier.Applicant;
import vn.motcua.server.dossier.StoredDossier;
import vn.motcua.server.office.LiveCatalogue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Alfresco keeps of a dossier: the {@code mc:dossier} folder's properties and aspects (QNames of the mc model in
 * alfresco-amp, mapping file {@code alfresco/module/motcua/mapping/qname-mapping.properties}), and which folder of which
 * office's site it belongs in. Pure: computed from the server's dossier, the source of truth, so that writing it again is
 * harmless.
 */
final class DossierMirror {

    static final String TYPE_DOSSIER = "mc:dossier";
    static final String TYPE_DOCUMENT = "mc:dossierDocument";
    static final String ASPECT_INTERCONNECTED = "mc:interconnected";
    static final String ASPECT_ARCHIVED = "mc:archived";

    /** The three folders of every office's document library. */
    enum Folder { RECEPTION, PROCESSING, ARCHIVE }

    /** Where the folder belongs, and what it carries. Values are strings: NodeBodyUpdate takes string properties. */
    record Target(String officeId, Folder folder, List<String> aspects, Map<String, String> properties) {
    }

    private final LiveCatalogue catalogue;
    private final Duration dueSoon;

    DossierMirror(LiveCatalogue catalogue, Duration dueSoon) {
        this.catalogue = catalogue;
        this.dueSoon = dueSoon;
    }

    Target of(StoredDossier stored, Instant now) {
        Dossier d = stored.dossier();
        Map<String, String> p = new LinkedHashMap<>();
        List<String> aspects = new ArrayList<>();
        p.put("mc:dossierCode", d.code().value());
        p.put("mc:procedureCode", d.procedure().nationalCode());
        p.put("mc:procedureName", d.procedure().nameVi());
        p.put("mc:field", d.procedure().fieldVi());
        Applicant a = stored.applicant();
        // Personal data: mirrored because archivists search by applicant in Share, never logged (Alfresco permissions
        // restrict the folder to the holding office's groups).
        put(p, "mc:applicantName", a.name());
        put(p, "mc:applicantIdNumber", a.idNumber());
        put(p, "mc:applicantAddress", a.address());
        put(p, "mc:applicantPhone", a.phone());
        p.put("mc:channel", d.channel().name());
        p.put("mc:receivedAt", d.receivedAt().toString());
        d.dueAt().ifPresent(due -> p.put("mc:dueAt", due.toString()));
        // The model's status LIST holds the domain's state names; alfresco-amp's tests keep the two in sync.
        p.put("mc:status", d.state().name());
        p.put("mc:deadlineState", deadlineState(d, now));
        office(d.currentOfficeId()).ifPresent(o -> {
            p.put("mc:currentOfficeCode", o.agencyCode().value());
            p.put("mc:currentOfficeName", o.nameVi());
            p.put("mc:currentLevel", o.level().name());
        });
        office(d.receivingOfficeId()).ifPresent(o -> {
            p.put("mc:receivingOfficeCode", o.agencyCode().value());
            p.put("mc:receivingOfficeName", o.nameVi());
        });
        // The competent office is the one that resolves the dossier: the holder when the result was signed.
        d.history().stream().filter(e -> e.action() == ActionType.SIGN_RESULT).reduce((x, y) -> y)
                .flatMap(e -> office(e.heldByOfficeId())).ifPresent(o -> {
                    p.put("mc:competentOfficeCode", o.agencyCode().value());
                    p.put("mc:competentOfficeName", o.nameVi());
                });
        if (!d.results().isEmpty()) {
            p.put("mc:resultCode", d.results().get(d.results().size() - 1).value());
        }
        d.resolvedAt().ifPresent(at -> {
            p.put("mc:resolvedAt", at.toString());
            d.dueAt().ifPresent(due -> p.put("mc:onTimeVerdict", onTime(at, due)));
        });
        if (d.procedure().onlineLevel() != OnlineLevel.NONE) {
            p.put("mc:onlineLevel", d.procedure().onlineLevel().name());
        }
        p.put("mc:retentionPeriod", d.procedure().retention().isPermanent() ? "PERMANENT"
                : "P" + d.procedure().retention().years().getAsInt() + "Y");
        boolean archived = d.state() == DossierState.ARCHIVED;
        p.put("mc:archiveState", archived ? "ARCHIVED" : "ACTIVE");

        Optional<HistoryEntry> forwarded = last(d, ActionType.FORWARD);
        if (forwarded.isPresent()) {
            aspects.add(ASPECT_INTERCONNECTED);
            HistoryEntry f = forwarded.get();
            office(f.officeId()).ifPresent(o -> {
                p.put("mc:fromOfficeCode", o.agencyCode().value());
                p.put("mc:fromOfficeName", o.nameVi());
            });
            office(f.heldByOfficeId()).ifPresent(o -> {
                p.put("mc:toOfficeCode", o.agencyCode().value());
                p.put("mc:toOfficeName", o.nameVi());
            });
            p.put("mc:forwardedAt", f.at().toString());
            last(d, ActionType.SEND_BACK).filter(b -> b.sequence() > f.sequence())
                    .ifPresent(b -> p.put("mc:returnedAt", b.at().toString()));
        }
        if (archived) {
            aspects.add(ASPECT_ARCHIVED);
            Instant at = d.lastEntry().at();
            p.put("mc:archivedAt", at.toString());
            p.put("mc:archiveRetention", p.get("mc:retentionPeriod"));
            d.keptUntil().ifPresent(until -> p.put("mc:disposalDate", until.toString()));
            p.put("mc:accessLevel", "RESTRICTED");
            p.put("mc:archiveFileCode", d.code().value());
        }
        return new Target(d.currentOfficeId(), folder(d.state()), aspects, p);
    }

    static Folder folder(DossierState state) {
        return switch (state) {
            case RECEIVED, INCOMPLETE, REFUSED -> Folder.RECEPTION;
            case ARCHIVED -> Folder.ARCHIVE;
            default -> Folder.PROCESSING;
        };
    }

    private String deadlineState(Dossier d, Instant now) {
        if (d.isFinal()) {
            return "CLOSED";
        }
        if (d.isOverdue(now)) {
            return "OVERDUE";
        }
        return d.dueAt().filter(due -> !due.isAfter(now.plus(dueSoon))).isPresent() ? "DUE_SOON" : "ON_TRACK";
    }

    private static String onTime(Instant resolved, Instant due) {
        if (resolved.isAfter(due)) {
            return "LATE";
        }
        boolean sameDay = resolved.atZone(WorkingCalendar.ZONE).toLocalDate()
                .equals(due.atZone(WorkingCalendar.ZONE).toLocalDate());
        return sameDay ? "ON_TIME" : "EARLY";
    }

    private static Optional<HistoryEntry> last(Dossier d, ActionType type) {
        return d.history().stream().filter(e -> e.action() == type).reduce((x, y) -> y);
    }

    private Optional<Office> office(String id) {
        return catalogue.offices().byId(id);
    }

    private static void put(Map<String, String> p, String qname, String value) {
        if (value != null && !value.isBlank()) {
            p.put(qname, value.strip());
        }
    }
}
