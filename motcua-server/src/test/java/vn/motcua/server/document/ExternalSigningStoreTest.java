package vn.motcua.server.document;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import vn.motcua.server.Desk;
import vn.motcua.server.ServerTest;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.server.web.ApiErrors;
import vn.motcua.signature.sign.PreparedSignature;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.motcua.domain.office.Role.LEADER;

/**
 * Pending external signatures live in the database: a new {@link ExternalResultSigning} (what a restarted or second
 * instance has) completes what another prepared, a handle stays its leader's, expires, completes once, and the table
 * never holds the handle itself.
 */
@ServerTest
class ExternalSigningStoreTest {

    static final String WARD = "phuong-ayun-pa";
    static final String LEADER_NAME = vn.motcua.server.demo.DemoData.username(WARD, LEADER);
    static PrivateKey leaderKey;
    static byte[] chainPem;

    @Autowired
    Desk desk;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment env;
    @Autowired
    Clock clock;
    @Autowired
    PendingSignatureTable table;
    @Autowired
    ApiErrors errors;

    @BeforeAll
    static void leaderCertificate() throws Exception {
        KeyPair leader = SigningFixtures.ecP256();
        leaderKey = leader.getPrivate();
        chainPem = SigningFixtures.pem(SigningFixtures.selfIssued(leader,
                "CN=Nguyễn Văn Lãnh Đạo " + Instant.now().toEpochMilli() + ", O=UBND phường Ayun Pa, C=VN",
                "SHA256withECDSA", false, KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
    }

    /** The "device": ECDSA over the prepared hash. */
    private static byte[] sign(byte[] hash) throws Exception {
        Signature s = Signature.getInstance("NONEwithECDSA");
        s.initSign(leaderKey);
        s.update(hash);
        return s.sign();
    }

    /** Another instance: it shares nothing with the running server but the database. */
    private ExternalResultSigning instance(Clock at) {
        return new ExternalResultSigning(env, at, table);
    }

    /** Prepares through the running server's Ký số page; returns the handle and the hash. */
    private String[] preparedOnThePage(long id) throws Exception {
        MvcResult r = desk.mvc().perform(multipart("/sign/{id}/prepare", id)
                .file(new MockMultipartFile("chain", "chain.pem", "application/x-pem-file", chainPem))
                .param("lang", "en").with(desk.as(WARD, LEADER)).with(csrf())).andReturn();
        assertThat(r.getResponse().getStatus()).as(Desk.body(r)).isEqualTo(200);
        String html = Desk.body(r);
        return new String[] {field(html, "handle"), field(html, "hash")};
    }

    private static String field(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*?(?:value=\"([^\"]+)\"|>([^<]+)<)").matcher(html);
        assertThat(m.find()).as(id + " in " + html).isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private int rows(String handle) {
        return jdbc.sql("select count(*) from external_signature where handle_sha256 = ?")
                .param(PendingSignatureTable.key(handle)).query(Integer.class).single();
    }

    private static String reasonOf(Throwable e) {
        assertThat(e).isInstanceOf(DeskException.class);
        DeskException d = (DeskException) e;
        assertThat(d.key()).isEqualTo("error.signing");
        return String.valueOf(d.args()[0]);
    }

    @Test
    void aSignaturePreparedBeforeARestartIsCompletedAfterItAndRecordedBySignResult() throws Exception {
        byte[] draft = SigningFixtures.blankPdf();
        long id = desk.approvedWithDraft(WARD, draft);
        MvcResult view = desk.get(WARD, LEADER, "/api/dossiers/{id}", id);
        int version = Desk.<Integer>read(view, "$.version");
        String code = Desk.read(view, "$.code");

        // prepared by an instance that is gone afterwards...
        PreparedSignature prepared = instance(clock).prepare(LEADER_NAME, id, version, code, draft, chainPem);
        assertThat(rows(prepared.handle())).isEqualTo(1);

        // ...and completed by the running server, which never saw it in memory
        MvcResult done = desk.mvc().perform(post("/sign/{id}/complete", id).param("handle", prepared.handle())
                .param("signature", Base64.getEncoder().encodeToString(sign(prepared.hashToSign())))
                .param("lang", "en").with(desk.as(WARD, LEADER)).with(csrf())).andReturn();
        assertThat(done.getResponse().getStatus()).as(Desk.body(done)).isEqualTo(302);
        MvcResult after = desk.get(WARD, LEADER, "/api/dossiers/{id}", id);
        assertThat(Desk.<String>read(after, "$.state")).isEqualTo("RESULT_SIGNED");
        assertThat(Desk.<List<String>>read(after, "$.history[*].action")).endsWith("SIGN_RESULT");
        assertThat(Desk.<List<Boolean>>read(after, "$.documents[?(@.kind == 'RESULT')].signed")).containsExactly(true);
        assertThat(rows(prepared.handle())).as("a completed handle is gone").isZero();
    }

    @Test
    void anotherLeadersCompletionIsRefusedAndLeavesTheHandle() throws Exception {
        long id = desk.approvedWithDraft(WARD, SigningFixtures.blankPdf());
        String[] prepared = preparedOnThePage(id);
        byte[] value = sign(Base64.getDecoder().decode(prepared[1]));
        ExternalResultSigning other = instance(clock);
        for (String user : List.of(vn.motcua.server.demo.DemoData.username("xa-ia-rbol", LEADER), "")) {
            assertThatThrownBy(() -> other.complete(user, id, prepared[0], value))
                    .satisfies(e -> assertThat(reasonOf(e)).isEqualTo("HANDLE_UNKNOWN"));
        }
        assertThatThrownBy(() -> other.complete(LEADER_NAME, id + 1, prepared[0], value))
                .as("the handle is bound to its dossier").satisfies(e -> assertThat(reasonOf(e)).isEqualTo("HANDLE_UNKNOWN"));
        assertThat(rows(prepared[0])).isEqualTo(1);
        assertThat(other.complete(LEADER_NAME, id, prepared[0], value).dossierId()).isEqualTo(id);
    }

    @Test
    void anExpiredHandleIsRefusedAndDropped() throws Exception {
        long id = desk.approvedWithDraft(WARD, SigningFixtures.blankPdf());
        String[] prepared = preparedOnThePage(id);
        Duration lifetime = env.getProperty("motcua.signing.external.lifetime", Duration.class, Duration.ofMinutes(10));
        ExternalResultSigning later = instance(Clock.offset(clock, lifetime.plusSeconds(1)));
        assertThatThrownBy(() -> later.complete(LEADER_NAME, id, prepared[0],
                sign(Base64.getDecoder().decode(prepared[1]))))
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo("HANDLE_EXPIRED"));
        assertThat(rows(prepared[0])).isZero();
    }

    @Test
    void theTableHoldsNoRawHandle() throws Exception {
        long id = desk.approvedWithDraft(WARD, SigningFixtures.blankPdf());
        String handle = preparedOnThePage(id)[0];
        List<Map<String, Object>> row = jdbc.sql("select * from external_signature where handle_sha256 = ?")
                .param(MessageDigest.getInstance("SHA-256").digest(handle.getBytes(StandardCharsets.UTF_8)))
                .query().listOfRows();
        assertThat(row).hasSize(1);
        assertThat(row.get(0)).containsEntry("dossier_id", id).containsEntry("username", LEADER_NAME);
        byte[] text = handle.getBytes(StandardCharsets.US_ASCII);
        byte[] raw = Base64.getUrlDecoder().decode(handle);
        for (Object value : row.get(0).values()) {
            byte[] bytes = value instanceof byte[] b ? b : String.valueOf(value).getBytes(StandardCharsets.UTF_8);
            assertThat(indexOf(bytes, text)).as("handle text in a column").isEqualTo(-1);
            assertThat(indexOf(bytes, raw)).as("handle bytes in a column").isEqualTo(-1);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void twoInstancesCompletingOneHandleAtOnceGiveOneResult() throws Exception {
        long id = desk.approvedWithDraft(WARD, SigningFixtures.blankPdf());
        String[] prepared = preparedOnThePage(id);
        byte[] value = sign(Base64.getDecoder().decode(prepared[1]));
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ExternalResultSigning.Completed>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                ExternalResultSigning instance = instance(clock);
                results.add(pool.submit(() -> {
                    start.await(20, TimeUnit.SECONDS);
                    return instance.complete(LEADER_NAME, id, prepared[0], value);
                }));
            }
            int completed = 0;
            List<Throwable> refused = new ArrayList<>();
            for (Future<ExternalResultSigning.Completed> f : results) {
                try {
                    assertThat(f.get(60, TimeUnit.SECONDS).dossierId()).isEqualTo(id);
                    completed++;
                } catch (ExecutionException e) {
                    refused.add(e.getCause());
                }
            }
            assertThat(completed).isEqualTo(1);
            assertThat(refused).hasSize(1);
            Exception loser = (Exception) refused.get(0);
            assertThat(reasonOf(loser)).isEqualTo("HANDLE_UNKNOWN");
            assertThat(errors.describe(loser, Locale.forLanguageTag("vi")))
                    .startsWith("Không ký được kết quả (HANDLE_UNKNOWN)");
            assertThat(errors.describe(loser, Locale.ENGLISH))
                    .startsWith("The result could not be signed (HANDLE_UNKNOWN)");
        } finally {
            pool.shutdownNow();
        }
        assertThat(rows(prepared[0])).isZero();
    }

    @Test
    void eachLeaderHasABoundedNumberOfPendingSignaturesAndExpiredOnesArePurged() throws Exception {
        long id = desk.approvedWithDraft(WARD, SigningFixtures.blankPdf());
        byte[] draft = SigningFixtures.blankPdf();
        String user = "bound-" + System.nanoTime();
        MockEnvironment two = new MockEnvironment().withProperty("motcua.signing.external.max-pending-per-user", "2");
        // prepared an hour ago with a ten-minute lifetime: expired now
        ExternalResultSigning earlier = new ExternalResultSigning(two, Clock.offset(clock, Duration.ofHours(-1)), table);
        String old = earlier.prepare(user, id, 1, "HS", draft, chainPem).handle();
        ExternalResultSigning now = new ExternalResultSigning(two, clock, table);
        now.prepare(user, id, 1, "HS", draft, chainPem);
        assertThat(rows(old)).as("the expired one was purged by the prepare").isZero();
        now.prepare(user, id, 1, "HS", draft, chainPem);
        assertThatThrownBy(() -> now.prepare(user, id, 1, "HS", draft, chainPem))
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo("TOO_MANY_PENDING"));
        assertThat(now.prepare(user + "-other", id, 1, "HS", draft, chainPem).handle())
                .as("another leader is not held up").isNotBlank();
    }
}
