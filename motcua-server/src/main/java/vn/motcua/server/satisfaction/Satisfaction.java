package vn.motcua.server.satisfaction;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.domain.code.DossierCode;
import vn.motcua.domain.dossier.ActionType;
import vn.motcua.domain.office.Role;
import vn.motcua.domain.report.Period;
import vn.motcua.server.audit.AuditLog;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.server.dossier.DossierRepository;
import vn.motcua.server.dossier.DossierService;
import vn.motcua.server.dossier.StoredDossier;
import vn.motcua.server.security.DeskUser;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Citizens' satisfaction with the result (đánh giá mức độ hài lòng): one rating per dossier, only once its result has
 * been returned, given either on the public lookup page or at the counter by the reception officer of the receiving
 * office. On the public page the dossier code is not enough: the citizen also types the last 4 digits of the phone or
 * ID number given at reception (the slip's QR link carries no secret), compared here and never echoed; five wrong tries
 * lock a dossier's public rating for the rest of the day (Vietnam time).
 * <p>
 * Reports count a rating in the period it was given ({@code rated_at}) for the receiving office, so a closed period's
 * figures never change afterwards.
 */
@Service
public class Satisfaction {

    public static final int MAX_COMMENT = 500;
    static final int MAX_FAILURES_PER_DAY = 5;
    static final String ONLINE = "ONLINE";
    static final String COUNTER = "COUNTER";

    private final JdbcClient jdbc;
    private final DossierRepository dossiers;
    private final DossierService desk;
    private final AuditLog audit;
    private final Clock clock;

    public Satisfaction(JdbcClient jdbc, DossierRepository dossiers, DossierService desk, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.desk = desk;
        this.audit = audit;
        this.clock = clock;
    }

    /** The dossier's rating, if it has one (for officers' pages; the comment is not for public pages). */
    public Optional<GivenRating> find(long dossierId) {
        return jdbc.sql("select * from satisfaction_rating where dossier_id = ?").param(dossierId)
                .query((rs, i) -> rating(rs)).optional();
    }

    /** Whether the dossier's result was handed back (it may have been archived since): the only time it can be rated. */
    public static boolean returned(StoredDossier s) {
        return s.dossier().history().stream().anyMatch(e -> e.action() == ActionType.RETURN_RESULT);
    }

    /** What the public lookup page may offer for a dossier code: a form, a thank-you, or nothing (not returned). */
    public enum PublicState { NOT_RETURNED, OPEN, RATED }

    public PublicState publicState(String code) {
        return dossiers.findByCode(code).map(s -> !returned(s) ? PublicState.NOT_RETURNED
                : find(s.id()).isPresent() ? PublicState.RATED : PublicState.OPEN).orElse(PublicState.NOT_RETURNED);
    }

    /**
     * The citizen's rating from the public lookup page.
     *
     * @param check the last 4 digits of the applicant's phone or ID number, as typed
     * @throws vn.motcua.domain.InvalidCodeException for a malformed code
     * @throws DeskException not found (404), not returned or already rated (409), bad rating, comment or check format
     *                       (400), wrong digits (403), too many wrong tries today (429)
     */
    public GivenRating rateOnline(String codeText, String check, String rating, String comment) {
        String code = DossierCode.parse(codeText).value();
        Rating r = Rating.parse(rating);
        String text = comment(comment);
        String digits = check == null ? "" : check.strip();
        if (!digits.matches("[0-9]{4}")) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "error.satisfaction.checkFormat");
        }
        StoredDossier s = dossiers.findByCode(code)
                .orElseThrow(() -> new DeskException(HttpStatus.NOT_FOUND, "error.lookup.notFound"));
        LocalDate today = clock.instant().atZone(WorkingCalendar.ZONE).toLocalDate();
        if (failures(s.id(), today) >= MAX_FAILURES_PER_DAY) {
            throw new DeskException(HttpStatus.TOO_MANY_REQUESTS, "error.satisfaction.tooManyAttempts");
        }
        requireOpen(s);
        if (!matches(digits, s)) {
            jdbc.sql("""
                            insert into satisfaction_check_failure (dossier_id, day, failures) values (?, ?, 1)
                            on conflict (dossier_id, day) do update set failures = satisfaction_check_failure.failures + 1""")
                    .params(s.id(), today).update();
            throw new DeskException(HttpStatus.FORBIDDEN, "error.satisfaction.check");
        }
        GivenRating given = insert(s, r, text, ONLINE, null);
        audit.record("public", "satisfaction.online", code, r.name());
        return given;
    }

    /**
     * A rating the citizen gave at the counter, recorded by a reception officer of the office that received the dossier
     * (where the result is handed back).
     *
     * @throws DeskException forbidden (403) for another role or office, not found (404), not returned or already rated
     *                       (409), bad rating or comment (400)
     */
    public GivenRating recordAtCounter(DeskUser user, long dossierId, String rating, String comment) {
        StoredDossier s = desk.get(user, dossierId);
        if (!user.has(Role.RECEPTION) || !s.dossier().receivingOfficeId().equals(user.officeId())) {
            throw new DeskException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
        Rating r = Rating.parse(rating);
        String text = comment(comment);
        requireOpen(s);
        GivenRating given = insert(s, r, text, COUNTER, user.username());
        audit.record(user.username(), "satisfaction.counter", s.code(), r.name());
        return given;
    }

    /** The office's figures over the ratings given in the period. */
    public SatisfactionFigures figures(String office, Period period) {
        Map<Rating, Integer> n = new EnumMap<>(Rating.class);
        jdbc.sql("""
                        select rating, count(*) from satisfaction_rating
                        where office = :office and rated_at >= :start and rated_at < :end group by rating""")
                .param("office", office).param("start", ts(period.start())).param("end", ts(period.end()))
                .query((rs, i) -> n.put(Rating.valueOf(rs.getString(1)), rs.getInt(2))).list();
        int satisfied = n.getOrDefault(Rating.SATISFIED, 0);
        int neutral = n.getOrDefault(Rating.NEUTRAL, 0);
        int dissatisfied = n.getOrDefault(Rating.DISSATISFIED, 0);
        return new SatisfactionFigures(office, satisfied + neutral + dissatisfied, satisfied, neutral, dissatisfied);
    }

    /** The dossiers behind a figure: rated in the period (with this answer, if given), in the order they were rated. */
    public List<Rated> rated(String office, Period period, Optional<Rating> rating) {
        List<GivenRating> ratings = jdbc.sql("""
                        select * from satisfaction_rating
                        where office = :office and rated_at >= :start and rated_at < :end
                          and (cast(:rating as text) is null or rating = cast(:rating as text))
                        order by rated_at, dossier_id""")
                .param("office", office).param("start", ts(period.start())).param("end", ts(period.end()))
                .param("rating", rating.map(Enum::name).orElse(null))
                .query((rs, i) -> rating(rs)).list();
        Map<Long, StoredDossier> byId = new java.util.HashMap<>();
        dossiers.findAll(ratings.stream().map(GivenRating::dossierId).toList()).forEach(s -> byId.put(s.id(), s));
        List<Rated> out = new ArrayList<>(ratings.size());
        ratings.forEach(g -> out.add(new Rated(byId.get(g.dossierId()), g)));
        out.sort(Comparator.comparing((Rated x) -> x.rating().ratedAt()).thenComparing(x -> x.rating().dossierId()));
        return out;
    }

    /** A rated dossier. */
    public record Rated(StoredDossier dossier, GivenRating rating) {
    }

    private void requireOpen(StoredDossier s) {
        if (!returned(s)) {
            throw new DeskException(HttpStatus.CONFLICT, "error.satisfaction.notReturned");
        }
        if (find(s.id()).isPresent()) {
            throw new DeskException(HttpStatus.CONFLICT, "error.satisfaction.alreadyRated");
        }
    }

    private GivenRating insert(StoredDossier s, Rating r, String comment, String channel, String by) {
        Instant now = clock.instant();
        // The primary key settles two votes racing past requireOpen: the first insert wins, the second sees 0 rows.
        int rows = jdbc.sql("""
                        insert into satisfaction_rating (dossier_id, office, rating, comment, channel, rated_at, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (dossier_id) do nothing""")
                .params(s.id(), s.dossier().receivingOfficeId(), r.name(), comment, channel, ts(now), by).update();
        if (rows == 0) {
            throw new DeskException(HttpStatus.CONFLICT, "error.satisfaction.alreadyRated");
        }
        return new GivenRating(s.id(), s.dossier().receivingOfficeId(), r, comment, channel, now, by);
    }

    private int failures(long dossierId, LocalDate day) {
        return jdbc.sql("select failures from satisfaction_check_failure where dossier_id = ? and day = ?")
                .params(dossierId, day).query(Integer.class).optional().orElse(0);
    }

    /** Both candidates are always compared, in constant time, so timing tells nothing about which one exists. */
    private static boolean matches(String digits, StoredDossier s) {
        byte[] typed = digits.getBytes(StandardCharsets.US_ASCII);
        boolean phone = MessageDigest.isEqual(typed, lastFour(s.applicant().phone()));
        boolean id = MessageDigest.isEqual(typed, lastFour(s.applicant().idNumber()));
        return phone | id;
    }

    private static byte[] lastFour(String number) {
        String digits = number == null ? "" : number.replaceAll("[^0-9]", "");
        // A number shorter than 4 digits can never match (an empty array differs from any 4 typed digits).
        return digits.length() < 4 ? new byte[0] : digits.substring(digits.length() - 4).getBytes(StandardCharsets.US_ASCII);
    }

    private static String comment(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        // PostgreSQL text cannot hold NUL, and no other control character belongs in a short comment (line breaks do).
        String text = comment.replaceAll("[\\p{Cntrl}&&[^\\n]]", "").strip();
        if (text.codePointCount(0, text.length()) > MAX_COMMENT) {
            throw new DeskException(HttpStatus.BAD_REQUEST, "error.satisfaction.comment");
        }
        return text;
    }

    private static GivenRating rating(ResultSet rs) throws SQLException {
        return new GivenRating(rs.getLong("dossier_id"), rs.getString("office"), Rating.valueOf(rs.getString("rating")),
                rs.getString("comment"), rs.getString("channel"),
                rs.getObject("rated_at", OffsetDateTime.class).toInstant(), rs.getString("recorded_by"));
    }

    private static OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
