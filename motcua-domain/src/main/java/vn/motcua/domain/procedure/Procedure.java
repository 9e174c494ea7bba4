package vn.motcua.domain.procedure;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.motcua.domain.calendar.TimeLimit;
import vn.motcua.domain.office.AgencyCode;
import vn.motcua.domain.office.OfficeLevel;

/**
 * One version of an administrative procedure (thủ tục hành chính) of the catalogue. Versions of one national code never
 * overlap in time; a dossier keeps the version it was received under, whatever changes later.
 *
 * @param nationalCode        national procedure code, e.g. {@code 2.000908}
 * @param competentLevel      level of the office competent to decide
 * @param competentOfficeId   a specific competent office when the level is not enough (e.g. the land registration office)
 * @param steps               the route with each step's share of the time limit; shares sum to 100
 * @param sameDayCutOff       same-day procedures: received after 15:00 counts from the next working day
 * @param interconnected      liên thông: with another level or another sector (residence, health insurance, tax)
 * @param pausesForSupplement the clock stops while the applicant is asked for a supplement (a per-procedure rule)
 * @param legacyOnlineLevel   the old 1–4 online scale, for reports that still use it
 */
public record Procedure(String nationalCode, int version, String nameVi, String nameEn, String fieldVi, String fieldEn,
                        OfficeLevel competentLevel, Optional<String> competentOfficeId, List<Component> components,
                        TimeLimit timeLimit, List<ProcessingStep> steps, boolean sameDayCutOff, Fee fee,
                        OnlineLevel onlineLevel, int legacyOnlineLevel, boolean interconnected,
                        boolean pausesForSupplement, Retention retention, LocalDate validFrom,
                        Optional<LocalDate> validUntil) {

    /** The same-day cut-off of civil-status and certification procedures. */
    public static final LocalTime CUT_OFF = LocalTime.of(15, 0);

    private static final Pattern NATIONAL_CODE = Pattern.compile("\\d\\.\\d{6}");

    public Procedure {
        Objects.requireNonNull(nationalCode, "nationalCode");
        if (!NATIONAL_CODE.matcher(nationalCode).matches()) {
            throw new IllegalArgumentException("national code must look like 2.000908: " + nationalCode);
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
        Objects.requireNonNull(nameVi, "nameVi");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(fieldVi, "fieldVi");
        Objects.requireNonNull(fieldEn, "fieldEn");
        Objects.requireNonNull(competentLevel, "competentLevel");
        Objects.requireNonNull(competentOfficeId, "competentOfficeId");
        components = List.copyOf(components);
        Objects.requireNonNull(timeLimit, "timeLimit");
        steps = List.copyOf(steps);
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(onlineLevel, "onlineLevel");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        if (steps.isEmpty() || steps.get(0).kind() != StepKind.RECEPTION) {
            throw new IllegalArgumentException("the route must start with a RECEPTION step");
        }
        if (steps.stream().mapToInt(ProcessingStep::sharePercent).sum() != 100) {
            throw new IllegalArgumentException("step shares must sum to 100");
        }
        if (legacyOnlineLevel < 1 || legacyOnlineLevel > 4) {
            throw new IllegalArgumentException("legacy online level is 1..4");
        }
        Set<String> keys = new HashSet<>();
        for (Component c : components) {
            if (!keys.add(c.key())) {
                throw new IllegalArgumentException("duplicate component key " + c.key());
            }
        }
        if (validUntil.isPresent() && validUntil.get().isBefore(validFrom)) {
            throw new IllegalArgumentException("validUntil before validFrom");
        }
    }

    /** Code on provincial portals: national code + agency code, e.g. {@code 1.010708.000.00.00.H56}. */
    public String provincialCode(AgencyCode agency) {
        return nationalCode + "." + agency.value();
    }

    public boolean isValidOn(LocalDate date) {
        return !date.isBefore(validFrom) && validUntil.map(u -> !date.isAfter(u)).orElse(true);
    }

    /** The cut-off the deadline rule applies, if this is a same-day procedure. */
    public Optional<LocalTime> cutOff() {
        return sameDayCutOff ? Optional.of(CUT_OFF) : Optional.empty();
    }

    /** The level where dossiers are received: the level of the first step of the route. */
    public OfficeLevel receptionLevel() {
        return steps.get(0).level();
    }

    /** Mandatory components whose keys are not in the set provided, in catalogue order. */
    public List<Component> missingMandatory(Set<String> providedKeys) {
        return components.stream().filter(c -> c.mandatory() && !providedKeys.contains(c.key())).toList();
    }

    /** Name in the user's language: Vietnamese unless English is asked for. */
    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
    }

    boolean overlaps(Procedure other) {
        LocalDate start = validFrom.isAfter(other.validFrom) ? validFrom : other.validFrom;
        LocalDate end = earlier(validUntil.orElse(LocalDate.MAX), other.validUntil.orElse(LocalDate.MAX));
        return !end.isBefore(start);
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
