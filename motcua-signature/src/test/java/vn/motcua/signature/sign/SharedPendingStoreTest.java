package vn.motcua.signature.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.signature.sign.Fixtures.samplePdf;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.signature.Signatures;
import vn.motcua.signature.sign.ExternalSigningTest.MutableClock;
import vn.motcua.signature.sign.SigningException.Reason;
import vn.motcua.signature.testpki.Credential;
import vn.motcua.signature.testpki.KeyType;
import vn.motcua.signature.testpki.TestPki;
import vn.motcua.signature.verify.SignatureReport;
import vn.motcua.signature.verify.Verdict;
import vn.motcua.signature.verify.VerificationOptions;
import vn.motcua.signature.verify.VerificationReport;

/**
 * Pending signatures in a store shared by several {@link ExternalSigning} instances: what a restart or a second server
 * behind a load balancer sees. Each test's second instance shares nothing with the first but the store's bytes.
 */
class SharedPendingStoreTest {

    private static TestPki pki;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        pki = TestPki.start();
    }

    @AfterAll
    static void stop() {
        pki.close();
    }

    /** Like a database table: rows keyed by the handle's SHA-256, holding copies of the bytes only. */
    static class TableStore implements PendingSignatureStore {
        final Map<String, Pending> rows = new ConcurrentHashMap<>();

        static String key(String handle) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(handle.getBytes()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void put(String handle, byte[] state, Instant expiresAt) {
            rows.put(key(handle), new Pending(state, expiresAt));
        }

        @Override
        public Optional<Pending> find(String handle) {
            return Optional.ofNullable(rows.get(key(handle)));
        }

        @Override
        public boolean remove(String handle) {
            return rows.remove(key(handle)) != null;
        }

        @Override
        public int count() {
            return rows.size();
        }

        @Override
        public void purgeExpired(Instant now) {
            rows.values().removeIf(p -> !now.isBefore(p.expiresAt()));
        }

        /** Replaces the stored state of a handle, as a damaged disk or an older release's row would. */
        void alter(String handle, UnaryOperator<byte[]> change) {
            rows.computeIfPresent(key(handle), (k, p) -> new Pending(change.apply(p.state()), p.expiresAt()));
        }
    }

    private static byte[] signPss(Credential device, byte[] data) throws Exception {
        Signature s = Signature.getInstance("RSASSA-PSS");
        s.setParameter(SignatureAlgorithm.RSA_PSS_SHA256.pssParameters());
        s.initSign(device.key());
        s.update(data);
        return s.sign();
    }

    private VerificationReport verify(byte[] pdf) throws Exception {
        Path file = Files.write(dir.resolve("signed-" + System.nanoTime() + ".pdf"), pdf);
        return Signatures.verify(file, VerificationOptions.builder()
                .trustAnchors(List.of(pki.rootCertificate())).online(true).build());
    }

    @Test
    void aSignaturePreparedBeforeARestartCompletesAfterItAsAValidB_LT() throws Exception {
        TableStore store = new TableStore();
        Credential device = pki.signer();
        PreparedSignature prepared = Signatures.externalSigning(Duration.ofMinutes(5), store).prepare(samplePdf(2),
                device.chain(), SignOptions.builder().level(SignatureLevel.B_LT).tsaUrl(URI.create(pki.tsaUrl()))
                        .networkTimeout(Duration.ofSeconds(7)).reason("HS-001").build());
        assertThat(store.rows).hasSize(1).doesNotContainKey(prepared.handle());

        // "after the restart": a new instance that knows only the store
        ExternalSigning restarted = Signatures.externalSigning(Duration.ofMinutes(5), store);
        byte[] signed = restarted.complete(prepared.handle(), signPss(device, prepared.dataToSign()));

        VerificationReport report = verify(signed);
        assertThat(report.verdict()).as(report.toJson()).isEqualTo(Verdict.VALID);
        assertThat(report.signatures()).hasSize(1);
        SignatureReport s = report.signatures().get(0);
        assertThat(s.level()).as("level, TSA and B-LT collection come from the stored options").isEqualTo("B-LT");
        assertThat(s.timestampTime()).isNotNull();
        assertThat(s.signerName()).isEqualTo("Nguyễn Văn An");
        assertThat(store.rows).isEmpty();
        assertThatThrownBy(() -> restarted.complete(prepared.handle(), signPss(device, prepared.dataToSign())))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.HANDLE_UNKNOWN));
    }

    @Test
    void theEncodingKeepsWhatCompletionReads() throws Exception {
        PadesEngine.Prepared p = PadesEngine.prepare(samplePdf(1), pki.signer(KeyType.EC_P256).chain(),
                SignOptions.builder().level(SignatureLevel.B_T).tsaUrl(URI.create("http://tsa.example/ts"))
                        .networkTimeout(Duration.ofMillis(2500)).algorithm(SignatureAlgorithm.ECDSA_SHA384).build());
        PadesEngine.Prepared back = PendingStateCodec.decode(PendingStateCodec.encode(p));
        assertThat(back.pdf()).isEqualTo(p.pdf());
        assertThat(back.byteRange()).isEqualTo(p.byteRange());
        assertThat(back.signedAttributes()).isEqualTo(p.signedAttributes());
        assertThat(back.algorithm()).isEqualTo(SignatureAlgorithm.ECDSA_SHA384);
        assertThat(back.chain()).isEqualTo(p.chain());
        assertThat(back.options().level()).isEqualTo(SignatureLevel.B_T);
        assertThat(back.options().tsaUrl()).isEqualTo(URI.create("http://tsa.example/ts"));
        assertThat(back.options().networkTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(back.hashToSign()).isEqualTo(p.hashToSign());
    }

    @Test
    void aHandleExpiresForEveryInstance() throws Exception {
        MutableClock clock = new MutableClock();
        TableStore store = new TableStore();
        Credential device = pki.signer();
        PreparedSignature prepared = new ExternalSigning(Duration.ofMinutes(5), clock, 10, store)
                .prepare(samplePdf(1), device.chain(), SignOptions.defaults());
        clock.advance(Duration.ofMinutes(5));
        ExternalSigning other = new ExternalSigning(Duration.ofMinutes(5), clock, 10, store);
        assertThatThrownBy(() -> other.complete(prepared.handle(), signPss(device, prepared.dataToSign())))
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.HANDLE_EXPIRED);
                    assertThat(e.getMessage()).contains("hết hạn").contains("expired");
                });
        assertThat(store.rows).isEmpty();
    }

    @Test
    void theBoundCountsEveryInstancesPendingSignatures() throws Exception {
        MutableClock clock = new MutableClock();
        TableStore store = new TableStore();
        new ExternalSigning(Duration.ofMinutes(5), clock, 1, store).prepare(samplePdf(1), pki.signer().chain(),
                SignOptions.defaults());
        ExternalSigning other = new ExternalSigning(Duration.ofMinutes(5), clock, 1, store);
        assertThatThrownBy(() -> other.prepare(samplePdf(1), pki.signer().chain(), SignOptions.defaults()))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PENDING));
        clock.advance(Duration.ofMinutes(5));
        assertThat(other.prepare(samplePdf(1), pki.signer().chain(), SignOptions.defaults()).handle()).isNotBlank();
        assertThat(store.rows).hasSize(1);
    }

    @Test
    void aMismatchingSignatureLeavesTheHandleUsableInTheStore() throws Exception {
        TableStore store = new TableStore();
        Credential device = pki.signer();
        ExternalSigning first = Signatures.externalSigning(Duration.ofMinutes(5), store);
        PreparedSignature prepared = first.prepare(samplePdf(1), device.chain(), SignOptions.defaults());
        ExternalSigning second = Signatures.externalSigning(Duration.ofMinutes(5), store);
        assertThatThrownBy(() -> second.complete(prepared.handle(), signPss(device, "other data".getBytes())))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH));
        assertThat(store.find(prepared.handle())).isPresent();
        assertThat(second.pendingCount()).isEqualTo(1);

        byte[] signed = first.complete(prepared.handle(), signPss(device, prepared.dataToSign()));
        Fixtures.assertIntact(signed, Fixtures.signatures(signed).get(0));
        assertThat(store.rows).isEmpty();
    }

    @Test
    void aDamagedOrUnknownStateIsATypedErrorInBothLanguages() throws Exception {
        Credential device = pki.signer();
        byte[] pdf = samplePdf(1);
        List<UnaryOperator<byte[]>> damages = new ArrayList<>();
        damages.add(b -> java.util.Arrays.copyOf(b, b.length / 2));
        damages.add(b -> new byte[0]);
        damages.add(b -> "not a pending signature at all, just text".getBytes());
        damages.add(b -> {
            byte[] c = b.clone();
            c[c.length / 2] ^= 0x20;
            return c;
        });
        damages.add(b -> {
            byte[] c = b.clone();
            c[4] = 9;
            return c;
        });
        for (UnaryOperator<byte[]> damage : damages) {
            TableStore store = new TableStore();
            ExternalSigning service = Signatures.externalSigning(Duration.ofMinutes(5), store);
            PreparedSignature prepared = service.prepare(pdf, device.chain(), SignOptions.defaults());
            store.alter(prepared.handle(), damage);
            byte[] value = signPss(device, prepared.dataToSign());
            assertThatThrownBy(() -> service.complete(prepared.handle(), value))
                    .isInstanceOfSatisfying(SigningException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.PENDING_STATE_CORRUPT);
                        assertThat(e.message(Locale.forLanguageTag("vi"))).startsWith("Dữ liệu chữ ký đang chờ bị hỏng");
                        assertThat(e.message(Locale.ENGLISH)).startsWith("The stored pending signature is damaged");
                    });
            assertThat(store.rows).as("a state that cannot be read is dropped").isEmpty();
        }
    }

    @Test
    void anUnknownVersionIsNamedInTheError() throws Exception {
        PadesEngine.Prepared p = PadesEngine.prepare(samplePdf(1), pki.signer().chain(), SignOptions.defaults());
        byte[] state = PendingStateCodec.encode(p);
        state[4] = 2;
        assertThatThrownBy(() -> PendingStateCodec.decode(state))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.message(Locale.ENGLISH)).contains("unknown version 2"));
    }

    @Test
    void aWellSealedStateWithBadContentsIsRefusedToo() throws Exception {
        PadesEngine.Prepared p = PadesEngine.prepare(samplePdf(1), pki.signer().chain(), SignOptions.defaults());
        int[] br = p.byteRange();
        PadesEngine.Prepared shifted = new PadesEngine.Prepared(p.pdf(), new int[] {br[0], br[1] + 1, br[2], br[3]},
                p.signedAttributes(), p.algorithm(), p.chain(), p.options());
        assertThatThrownBy(() -> PendingStateCodec.decode(PendingStateCodec.encode(shifted)))
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.PENDING_STATE_CORRUPT);
                    assertThat(e.message(Locale.ENGLISH)).contains("byte range");
                });

        // a huge length field under a recomputed checksum: refused without allocating it
        byte[] state = PendingStateCodec.encode(p);
        int attributesLength = 4 + 1 + 2 + p.algorithm().name().length() + 2 + p.options().level().name().length()
                + 1 + 8 + 16;
        ByteBuffer.wrap(state).putInt(attributesLength, Integer.MAX_VALUE - 1);
        byte[] body = java.util.Arrays.copyOf(state, state.length - 32);
        System.arraycopy(MessageDigest.getInstance("SHA-256").digest(body), 0, state, body.length, 32);
        assertThatThrownBy(() -> PendingStateCodec.decode(state))
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.PENDING_STATE_CORRUPT);
                    assertThat(e.message(Locale.ENGLISH)).contains("field length");
                });
    }

    @Test
    void twoInstancesCompletingOneHandleAtOnceGiveOneSignedPdf() throws Exception {
        Credential device = pki.signer(KeyType.EC_P256);
        CyclicBarrier bothFound = new CyclicBarrier(2);
        TableStore store = new TableStore() {
            @Override
            public Optional<Pending> find(String handle) {
                Optional<Pending> found = super.find(handle);
                try {
                    // both instances read the pending row before either claims it: the race a shared table allows
                    bothFound.await(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return found;
            }
        };
        PreparedSignature prepared = Signatures.externalSigning(Duration.ofMinutes(5), store)
                .prepare(samplePdf(1), device.chain(), SignOptions.defaults());
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(device.key());
        s.update(prepared.dataToSign());
        byte[] value = s.sign();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                ExternalSigning instance = Signatures.externalSigning(Duration.ofMinutes(5), store);
                results.add(pool.submit(() -> instance.complete(prepared.handle(), value)));
            }
            int signed = 0;
            List<Reason> refused = new ArrayList<>();
            for (Future<byte[]> f : results) {
                try {
                    byte[] pdf = f.get(60, TimeUnit.SECONDS);
                    Fixtures.assertIntact(pdf, Fixtures.signatures(pdf).get(0));
                    signed++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(SigningException.class);
                    refused.add(((SigningException) e.getCause()).reason());
                }
            }
            assertThat(signed).isEqualTo(1);
            assertThat(refused).containsExactly(Reason.HANDLE_UNKNOWN);
            assertThat(store.rows).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }
}
