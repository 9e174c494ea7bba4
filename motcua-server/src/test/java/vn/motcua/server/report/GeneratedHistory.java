package vn.motcua.server.report;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.domain.OneStop;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.domain.code.InMemoryDailySequence;
import vn.motcua.domain.dossier.Action;
import vn.motcua.domain.dossier.Channel;
import vn.motcua.domain.dossier.Dossier;
import vn.motcua.domain.dossier.Reception;
import vn.motcua.domain.dossier.TransitionRefusedException;
import vn.motcua.domain.office.Actor;
import vn.motcua.domain.office.Role;
import vn.motcua.server.dossier.Applicant;
import vn.motcua.server.dossier.DossierRepository;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Writes generated dossiers with real domain histories (through the domain engine and the desk's repository) into the test
 * database, at the legacy offices (phường Đoàn Kết, phường Hòa Bình, thị xã Ayun Pa) in 2024–2025, which no other test
 * class uses. One shared code sequence, so codes never collide between the test classes that generate.
 */
@Component
public class GeneratedHistory {

    public static final String DOAN_KET = "doan-ket";
    public static final String HOA_BINH = "hoa-binh";
    public static final String AYUN_PA = "ayun-pa";

    private static final InMemoryDailySequence SEQUENCE = new InMemoryDailySequence();

    private final OneStop oneStop;
    private final DossierRepository repository;
    private final JdbcClient jdbc;

    public GeneratedHistory(vn.motcua.server.office.LiveCatalogue catalogue, WorkingCalendar calendar,
                            DossierRepository repository, JdbcClient jdbc) {
        // The legacy offices and procedure versions it uses are shipped ones, which administrators never change in tests.
        this.oneStop = new OneStop(catalogue.offices(), catalogue.procedures(), calendar, SEQUENCE);
        this.repository = repository;
        this.jdbc = jdbc;
    }

    public static Actor actor(Role role, String office) {
        return new Actor(office + "." + role.name().toLowerCase(java.util.Locale.ROOT), role, office);
    }

    public static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.ZONE).toInstant();
    }

    /** Receives and stores a dossier, then applies and stores each step; returns the row id. */
    public long store(String procedure, String office, Channel channel, Instant receivedAt, Applicant applicant,
                      List<UnaryOperator<Dossier>> steps) {
        Dossier d = oneStop.receive(procedure, actor(Role.RECEPTION, office), channel, receivedAt,
                oneStop.procedures().versionOn(procedure, receivedAt.atZone(WorkingCalendar.ZONE).toLocalDate())
                        .orElseThrow().components().stream().map(c -> c.key()).collect(java.util.stream.Collectors.toSet()),
                Reception.Outcome.ACCEPT, "");
        long id = repository.insert(d, applicant, receivedAt);
        for (UnaryOperator<Dossier> step : steps) {
            Dossier next = step.apply(d);
            if (next == d) {
                continue;
            }
            if (!repository.update(id, d.version(), next, next.history().get(next.history().size() - 1).at())) {
                throw new IllegalStateException("concurrent write in a generator");
            }
            d = next;
        }
        return id;
    }

    public UnaryOperator<Dossier> act(Action action, Role role, String office, Instant at) {
        return d -> oneStop.apply(d, action, actor(role, office), at);
    }

    /** Adds a document row with extracted fields in the metadata (the trigger of V200 fills the search columns). */
    public void document(long dossierId, String metadataJson, String badge) {
        jdbc.sql("""
                        insert into document (dossier_id, kind, file_name, media_type, size_bytes, sha256, signature_badge,
                          signature_text, metadata, uploaded_by, uploaded_at)
                        values (?, 'RESULT', 'ket-qua.pdf', 'application/pdf', 100, ?, ?, 'signature.notChecked',
                          cast(? as jsonb), 'generator', now())""")
                .params(dossierId, "0".repeat(64), badge, metadataJson)
                .update();
    }

    /**
     * A seeded random walk for one office over a date range: each dossier is accepted on a working day, then may be
     * transferred, paused for a supplement, forwarded to the district and sent back (procedure 1.003003 v1), signed early,
     * on time or late, returned, withdrawn or stopped — stopping wherever the domain refuses a step.
     */
    public List<Long> randomWalks(long seed, int count, String office, LocalDate from, LocalDate to) {
        Random rnd = new Random(seed);
        List<Long> ids = new ArrayList<>();
        long days = Duration.between(from.atStartOfDay(), to.atStartOfDay()).toDays() + 1;
        String[] procedures = {"1.013124", "1.000894", "1.003003"};
        Channel[] channels = Channel.values();
        for (int i = 0; i < count; i++) {
            LocalDate day = from.plusDays(rnd.nextInt((int) days));
            if (day.getDayOfWeek().getValue() > 5) {
                day = day.plusDays(8 - day.getDayOfWeek().getValue());
            }
            Instant t = day.atTime(7 + rnd.nextInt(8), rnd.nextInt(60)).atZone(WorkingCalendar.ZONE).toInstant();
            String procedure = procedures[rnd.nextInt(procedures.length)];
            Channel channel = channels[rnd.nextInt(channels.length)];
            List<UnaryOperator<Dossier>> steps = plan(rnd, procedure, office, t);
            Applicant a = new Applicant("Người Sinh Số " + seed + "-" + i, String.format("0%011d", seed * 1000 + i),
                    null, null, null);
            ids.add(storeTolerant(procedure, office, channel, t, a, steps));
        }
        return ids;
    }

    private List<UnaryOperator<Dossier>> plan(Random rnd, String procedure, String office, Instant t0) {
        List<UnaryOperator<Dossier>> s = new ArrayList<>();
        Instant[] t = {t0};
        java.util.function.Supplier<Instant> later = () -> t[0] = t[0].plus(Duration.ofHours(2 + rnd.nextInt(90)));
        if (rnd.nextInt(10) == 0) {
            s.add(act(new Action.Withdraw("rút"), Role.RECEPTION, office, later.get()));
            return s;
        }
        s.add(act(new Action.TransferToProcessing(""), Role.RECEPTION, office, later.get()));
        if (rnd.nextInt(4) == 0) {
            s.add(act(new Action.RequestSupplement("thiếu giấy tờ"), Role.SPECIALIST, office, later.get()));
            if (rnd.nextInt(4) == 0) {
                return s;   // still waiting
            }
            s.add(act(new Action.SupplementReceived(""), Role.SPECIALIST, office, later.get()));
        }
        if (rnd.nextInt(12) == 0) {
            s.add(act(new Action.Stop("dừng"), Role.SPECIALIST, office, later.get()));
            return s;
        }
        String holder = office;
        if (procedure.equals("1.003003") && rnd.nextBoolean()) {
            s.add(act(new Action.Forward(AYUN_PA, "liên thông"), Role.SPECIALIST, office, later.get()));
            s.add(act(new Action.AcceptForwarded(""), Role.SPECIALIST, AYUN_PA, later.get()));
            holder = AYUN_PA;
        }
        if (rnd.nextInt(6) == 0) {
            return s;   // in progress
        }
        s.add(act(new Action.SubmitForApproval(""), Role.SPECIALIST, holder, later.get()));
        s.add(act(new Action.Approve(""), Role.LEADER, holder, later.get()));
        s.add(act(new Action.SignResult(""), Role.LEADER, holder, later.get()));
        if (!holder.equals(office)) {
            s.add(act(new Action.SendBack(""), Role.SPECIALIST, holder, later.get()));
            s.add(act(new Action.ReceiveBack(""), Role.RECEPTION, office, later.get()));
        }
        if (rnd.nextInt(5) > 0) {
            s.add(act(new Action.ReturnResult(Channel.COUNTER, ""), Role.RECEPTION, office, later.get()));
        }
        return s;
    }

    /** Stores the steps the domain accepts, up to the first it refuses (a random plan may ask for an impossible step). */
    private long storeTolerant(String procedure, String office, Channel channel, Instant at, Applicant a,
                               List<UnaryOperator<Dossier>> steps) {
        boolean[] refused = {false};
        List<UnaryOperator<Dossier>> guarded = steps.stream().<UnaryOperator<Dossier>>map(step -> d -> {
            if (refused[0]) {
                return d;
            }
            try {
                return step.apply(d);
            } catch (TransitionRefusedException e) {
                refused[0] = true;
                return d;
            }
        }).toList();
        return store(procedure, office, channel, at, a, guarded);
    }
}
