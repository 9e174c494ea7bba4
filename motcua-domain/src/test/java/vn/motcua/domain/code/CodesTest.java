package vn.motcua.domain.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.motcua.domain.DomainMessages;
import vn.motcua.domain.InvalidCodeException;
import vn.motcua.domain.office.AgencyCode;

class CodesTest {

    private static final AgencyCode H12_13 = AgencyCode.parse("000.00.13.H12");

    @Test
    void agencyCodesOfTheStandardAreAccepted() {
        assertThat(AgencyCode.parse("000.00.00.H49").isProvincialCommittee()).isTrue();
        assertThat(AgencyCode.parse(" 000.00.13.H12 ").value()).isEqualTo("000.00.13.H12");
        assertThat(AgencyCode.parse("000.00.13.H12").isProvincialCommittee()).isFalse();
        assertThat(AgencyCode.parse("000.00.13.H12").level1Unit()).isEqualTo("H12");
        assertThat(AgencyCode.parse("123.45.67.G09").value()).isEqualTo("123.45.67.G09");
    }

    @ParameterizedTest
    @CsvSource(value = {"000.00.00.h49|code.agency.format", "00.00.00.H49|code.agency.format",
            "000.00.00.H4|code.agency.format", "000-00-00-H49|code.agency.format", "000.00.00.H49.1|code.agency.format",
            "'   '|code.agency.empty", "000.00.0A.H49|code.agency.format"}, delimiter = '|')
    void badAgencyCodesGetTypedErrors(String input, String key) {
        assertThatThrownBy(() -> AgencyCode.parse(input)).isInstanceOfSatisfying(InvalidCodeException.class,
                e -> assertThat(e.key()).isEqualTo(key));
    }

    @Test
    void dossierCodeFormatsAndParses() {
        DossierCode code = new DossierCode(H12_13, LocalDate.of(2025, 1, 15), 1);
        assertThat(code.value()).isEqualTo("000.00.13.H12-250115-0001");
        assertThat(DossierCode.parse("000.00.13.H12-250115-0001")).isEqualTo(code);
        assertThat(DossierCode.parse("000.00.00.H21-251231-9999").sequence()).isEqualTo(9999);
        assertThat(DossierCode.parse("000.00.00.H21-240229-0042").receptionDate()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void everySequenceNumberAndDayIsWrittenWithItsLeadingZeros() {
        for (LocalDate day : List.of(LocalDate.of(2000, 1, 1), LocalDate.of(2009, 9, 9), LocalDate.of(2025, 10, 31),
                LocalDate.of(2099, 12, 31))) {
            for (int n = 1; n <= DossierCode.MAX_SEQUENCE; n++) {
                DossierCode code = new DossierCode(H12_13, day, n);
                String expected = String.format("000.00.13.H12-%02d%02d%02d-%04d", day.getYear() % 100,
                        day.getMonthValue(), day.getDayOfMonth(), n);
                assertThat(code.value()).isEqualTo(expected);
                assertThat(DossierCode.parse(code.value())).isEqualTo(code);
            }
        }
    }

    @ParameterizedTest
    @CsvSource(value = {"000.00.13.H12-250115-0000|code.dossier.sequence", "000.00.13.H12-250115-001|code.dossier.format",
            "000.00.13.H12-250115-00001|code.dossier.format", "000.00.13.H12-251315-0001|code.dossier.date",
            "000.00.13.H12-250230-0001|code.dossier.date", "000.00.13.X-250115-0001|code.dossier.agency",
            "000.00.13.H12250115-0001|code.dossier.format", "''|code.dossier.empty", "000.00.13.H12-2501150001|code.dossier.format",
            "000.00.13.H12-250115-00a1|code.dossier.format"}, delimiter = '|')
    void badDossierCodesGetTypedErrors(String input, String key) {
        assertThatThrownBy(() -> DossierCode.parse(input)).isInstanceOfSatisfying(InvalidCodeException.class,
                e -> assertThat(e.key()).isEqualTo(key));
    }

    @Test
    void dossierCodeRefusesImpossibleValues() {
        assertThatThrownBy(() -> new DossierCode(H12_13, LocalDate.of(2025, 1, 1), 10_000))
                .isInstanceOf(InvalidCodeException.class);
        assertThatThrownBy(() -> new DossierCode(H12_13, LocalDate.of(1999, 12, 31), 1))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> assertThat(e.key()).isEqualTo("code.dossier.year"));
    }

    @Test
    void resultCodeFormatsAndParses() {
        DossierCode code = DossierCode.parse("000.00.13.H12-250115-0001");
        assertThat(code.result(1).value()).isEqualTo("000.00.13.H12-250115-0001-KQ1");
        assertThat(ResultCode.parse("000.00.13.H12-250115-0001-KQ12")).isEqualTo(new ResultCode(code, 12));
        for (String bad : List.of("000.00.13.H12-250115-0001-KQ0", "000.00.13.H12-250115-0001-KQ",
                "000.00.13.H12-250115-0001-KQ01", "000.00.13.H12-250115-0001-kq1", "000.00.13.H12-250115-0001")) {
            assertThatThrownBy(() -> ResultCode.parse(bad)).as(bad).isInstanceOf(InvalidCodeException.class);
        }
        assertThatThrownBy(() -> code.result(0)).isInstanceOf(InvalidCodeException.class);
    }

    @Test
    void errorsReadInVietnameseAndEnglish() {
        InvalidCodeException e = (InvalidCodeException) org.assertj.core.api.Assertions.catchThrowable(
                () -> DossierCode.parse("000.00.13.H12-250230-0001"));
        assertThat(e.message(DomainMessages.VIETNAMESE)).contains("ngày không tồn tại").contains("250230");
        assertThat(e.message(java.util.Locale.ENGLISH)).contains("impossible date");
        assertThat(e.getMessage()).isEqualTo(e.message(java.util.Locale.ENGLISH));
    }

    @Test
    void concurrentReceptionsNeverShareANumber() throws Exception {
        InMemoryDailySequence sequence = new InMemoryDailySequence();
        LocalDate day = LocalDate.of(2025, 9, 15);
        int threads = 50;
        int perThread = 100;
        Set<DossierCode> codes = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        codes.add(sequence.nextCode(H12_13, day));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(codes).hasSize(threads * perThread);
        assertThat(codes.stream().mapToInt(DossierCode::sequence).max().orElseThrow()).isEqualTo(threads * perThread);
        assertThat(sequence.next(H12_13, day)).isEqualTo(threads * perThread + 1);
    }

    @Test
    void sequencesAreSeparatePerAgencyAndDay() {
        InMemoryDailySequence sequence = new InMemoryDailySequence();
        LocalDate day = LocalDate.of(2025, 9, 15);
        AgencyCode other = AgencyCode.parse("000.00.00.H21");
        assertThat(sequence.next(H12_13, day)).isEqualTo(1);
        assertThat(sequence.next(H12_13, day)).isEqualTo(2);
        assertThat(sequence.next(other, day)).isEqualTo(1);
        assertThat(sequence.next(H12_13, day.plusDays(1))).isEqualTo(1);
    }

    @Test
    void theTenThousandthDossierOfADayIsAClearError() {
        InMemoryDailySequence sequence = new InMemoryDailySequence();
        LocalDate day = LocalDate.of(2025, 9, 15);
        for (int i = 1; i <= DossierCode.MAX_SEQUENCE; i++) {
            assertThat(sequence.next(H12_13, day)).isEqualTo(i);
        }
        assertThatThrownBy(() -> sequence.next(H12_13, day)).isInstanceOfSatisfying(SequenceExhaustedException.class,
                e -> {
                    assertThat(e.key()).isEqualTo("code.sequence.exhausted");
                    assertThat(e.message(DomainMessages.VIETNAMESE)).contains("9999").contains("000.00.13.H12");
                });
        // still exhausted, and the next day starts again
        assertThatThrownBy(() -> sequence.next(H12_13, day)).isInstanceOf(SequenceExhaustedException.class);
        assertThat(sequence.next(H12_13, day.plusDays(1))).isEqualTo(1);
    }
}
