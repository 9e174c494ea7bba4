package vn.motcua.domain.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.motcua.domain.DataFileException;
import vn.motcua.domain.DomainMessages;
import vn.motcua.domain.calendar.TimeLimit;
import vn.motcua.domain.office.AgencyCode;
import vn.motcua.domain.office.OfficeDirectory;
import vn.motcua.domain.office.OfficeLevel;
import vn.motcua.domain.office.Role;

class ProcedureCatalogueTest {

    private static final LocalDate LEGACY = LocalDate.of(2024, 6, 3);
    private static final LocalDate CURRENT = LocalDate.of(2025, 9, 15);
    private final ProcedureCatalogue catalogue = ProcedureCatalogue.shipped();

    private Procedure on(String english, LocalDate date) {
        List<Procedure> found = catalogue.validOn(date).stream().filter(p -> p.nameEn().startsWith(english)).toList();
        assertThat(found).as(english + " on " + date).hasSize(1);
        return found.get(0);
    }

    @Test
    void everySampleProcedureOfDomainSection11IsShipped() {
        // DOMAIN.md §11, one row each: English name, field (vi), level today, time limit, same-day cut-off
        record Row(String name, String field, OfficeLevel level, TimeLimit limit, boolean cutOff) {
        }
        List<Row> table = List.of(
                new Row("Birth registration", "Hộ tịch", OfficeLevel.COMMUNE, TimeLimit.workingDays(0), true),
                new Row("Marriage registration", "Hộ tịch", OfficeLevel.COMMUNE, TimeLimit.workingDays(0), true),
                new Row("Death registration", "Hộ tịch", OfficeLevel.COMMUNE, TimeLimit.workingDays(0), true),
                new Row("Certified copy", "Chứng thực", OfficeLevel.COMMUNE, TimeLimit.workingDays(0), true),
                new Row("Certification of a signature", "Chứng thực", OfficeLevel.COMMUNE, TimeLimit.workingDays(0), true),
                new Row("Household business", "Thành lập và hoạt động của hộ kinh doanh", OfficeLevel.COMMUNE,
                        TimeLimit.workingDays(3), false),
                new Row("First registration of land", "Đất đai", OfficeLevel.COMMUNE, TimeLimit.workingDays(20), false),
                new Row("Building permit", "Xây dựng", OfficeLevel.COMMUNE, TimeLimit.workingDays(15), false),
                new Row("Registration of a land-use right transfer", "Đất đai", OfficeLevel.PROVINCE,
                        TimeLimit.workingDays(10), false));
        for (Row row : table) {
            Procedure p = on(row.name(), CURRENT);
            assertThat(p.fieldVi()).as(row.name()).isEqualTo(row.field());
            assertThat(p.competentLevel()).as(row.name()).isEqualTo(row.level());
            assertThat(p.timeLimit()).as(row.name()).isEqualTo(row.limit());
            assertThat(p.sameDayCutOff()).as(row.name()).isEqualTo(row.cutOff());
            assertThat(p.cutOff()).as(row.name()).isEqualTo(row.cutOff() ? java.util.Optional.of(Procedure.CUT_OFF)
                    : java.util.Optional.empty());
        }
        Procedure interconnectedBirth = on("Interconnected birth registration", CURRENT);
        assertThat(interconnectedBirth.timeLimit()).isEqualTo(TimeLimit.workingDays(3));
        assertThat(interconnectedBirth.interconnected()).isTrue();
    }

    @Test
    void feesFollowTheTable() {
        assertThat(on("Birth registration", CURRENT).fee().isFree()).isTrue();
        assertThat(on("Certification of a signature", CURRENT).fee().amountVnd()).hasValue(10_000);
        Fee copy = on("Certified copy", CURRENT).fee();
        assertThat(copy.amountVnd()).isEmpty();
        assertThat(copy.textVi()).contains("2.000").contains("1.000").contains("200.000");
        assertThat(on("Household business", CURRENT).fee().textEn()).contains("provincial");
    }

    @Test
    void proceduresThatWereDistrictHaveALegacyAndACurrentVersion() {
        for (String name : List.of("Household business", "First registration of land", "Building permit")) {
            Procedure legacy = on(name, LEGACY);
            Procedure current = on(name, CURRENT);
            assertThat(legacy.nationalCode()).isEqualTo(current.nationalCode());
            assertThat(legacy.version()).isLessThan(current.version());
            assertThat(legacy.competentLevel()).as(name).isEqualTo(OfficeLevel.DISTRICT);
            assertThat(legacy.validUntil()).contains(LocalDate.of(2025, 6, 30));
            assertThat(current.validFrom()).isEqualTo(LocalDate.of(2025, 7, 1));
            assertThat(current.steps()).extracting(ProcessingStep::level).doesNotContain(OfficeLevel.DISTRICT);
            assertThat(catalogue.versionOn(legacy.nationalCode(), LocalDate.of(2025, 6, 30))).contains(legacy);
            assertThat(catalogue.versionOn(legacy.nationalCode(), LocalDate.of(2025, 7, 1))).contains(current);
        }
    }

    @Test
    void routesAreTheInterconnectionPaths() {
        // legacy: ward receives and checks → district decides → ward returns
        assertThat(on("First registration of land", LEGACY).steps()).extracting(ProcessingStep::level).containsExactly(
                OfficeLevel.COMMUNE, OfficeLevel.COMMUNE, OfficeLevel.DISTRICT, OfficeLevel.DISTRICT, OfficeLevel.COMMUNE);
        // current: commune receives → provincial land registration office decides → commune returns
        Procedure transfer = on("Registration of a land-use right transfer", CURRENT);
        assertThat(transfer.steps()).extracting(ProcessingStep::level).containsExactly(OfficeLevel.COMMUNE,
                OfficeLevel.PROVINCE, OfficeLevel.PROVINCE, OfficeLevel.COMMUNE);
        assertThat(transfer.steps()).extracting(ProcessingStep::role).containsExactly(Role.RECEPTION, Role.SPECIALIST,
                Role.LEADER, Role.RECEPTION);
        assertThat(transfer.competentOfficeId()).contains("gia-lai-land");
        assertThat(OfficeDirectory.shipped().byId("gia-lai-land")).isPresent();
        assertThat(transfer.interconnected()).isTrue();
    }

    @Test
    void everyShippedVersionIsConsistent() {
        assertThat(catalogue.all()).hasSizeGreaterThanOrEqualTo(13);
        for (Procedure p : catalogue.all()) {
            assertThat(p.steps().stream().mapToInt(ProcessingStep::sharePercent).sum()).as(p.nationalCode()).isEqualTo(100);
            assertThat(p.steps().get(0).kind()).isEqualTo(StepKind.RECEPTION);
            assertThat(p.steps().get(p.steps().size() - 1).kind()).isEqualTo(StepKind.RETURN);
            assertThat(p.components()).as(p.nationalCode()).anyMatch(Component::mandatory);
            assertThat(p.legacyOnlineLevel()).isBetween(1, 4);
            assertThat(p.nameVi()).isNotBlank();
            assertThat(p.nameEn()).isNotBlank();
        }
        assertThat(on("Birth registration", CURRENT).retention().isPermanent()).isTrue();
        assertThat(on("Birth registration", CURRENT).onlineLevel()).isEqualTo(OnlineLevel.FULL);
        assertThat(on("Certified copy", CURRENT).pausesForSupplement()).isFalse();
        assertThat(on("Household business", CURRENT).pausesForSupplement()).isTrue();
    }

    @Test
    void provincialCodeIsNationalCodePlusAgencyCode() {
        Procedure copy = catalogue.versionOn("2.000908", CURRENT).orElseThrow();
        assertThat(copy.provincialCode(AgencyCode.parse("000.00.00.H56"))).isEqualTo("2.000908.000.00.00.H56");
    }

    @Test
    void missingMandatoryComponentsAreListedInOrder() {
        Procedure transfer = on("Registration of a land-use right transfer", CURRENT);
        assertThat(transfer.missingMandatory(java.util.Set.of("contract"))).extracting(Component::key)
                .containsExactly("application", "certificate", "tax-declaration");
    }

    @Test
    void searchIgnoresCaseAndDiacritics() {
        assertThat(catalogue.search("khai sinh", CURRENT)).extracting(Procedure::nationalCode)
                .containsExactlyInAnyOrder("1.001193", "1.013124");
        assertThat(catalogue.search("ĐĂNG KÝ KHAI SINH", CURRENT)).hasSize(2);
        assertThat(catalogue.search("dang ky ket hon", CURRENT)).extracting(Procedure::nationalCode)
                .containsExactly("1.000894");
        assertThat(catalogue.search("dat dai", CURRENT)).extracting(Procedure::nationalCode)
                .containsExactlyInAnyOrder("1.003003", "1.004227");
        assertThat(catalogue.search("2.000908", CURRENT)).singleElement().extracting(Procedure::version).isEqualTo(1);
        assertThat(catalogue.search("building permit", LEGACY)).singleElement()
                .extracting(Procedure::competentLevel).isEqualTo(OfficeLevel.DISTRICT);
        assertThat(catalogue.search("khai sinh kết hôn", CURRENT)).isEmpty();
    }

    private static final String GOOD = """
            [1.000001 v1]
            name.vi = Thử
            name.en = Test
            field.vi = Thử
            field.en = Test
            competent = COMMUNE
            time = 2 working-days
            cutoff = no
            fee = 0 | Miễn phí | Free
            online = NONE 1
            interconnected = no
            pause-for-supplement = yes
            retention = 10
            valid = 2020-01-01 ..
            component = form | ORIGINAL | 1 | mandatory | Tờ khai | Form
            step = RECEPTION | RECEPTION | COMMUNE | 20
            step = PROCESSING | SPECIALIST | COMMUNE | 80
            """;

    private static DataFileException loadError(String text) {
        try {
            ProcedureCatalogue.load(new StringReader(text), "p.txt");
        } catch (DataFileException e) {
            return e;
        }
        throw new AssertionError("no error for:\n" + text);
    }

    @Test
    void aMinimalFileLoads() {
        ProcedureCatalogue c = ProcedureCatalogue.load(new StringReader(GOOD), "p.txt");
        Procedure p = c.versionOn("1.000001", LocalDate.of(2021, 1, 1)).orElseThrow();
        assertThat(p.timeLimit()).isEqualTo(TimeLimit.workingDays(2));
        assertThat(p.retention().keptUntil(LocalDate.of(2021, 1, 1))).contains(LocalDate.of(2031, 1, 1));
        assertThat(c.versionOn("1.000001", LocalDate.of(2019, 12, 31))).isEmpty();
    }

    @Test
    void badProcedureFilesNameTheLine() {
        DataFileException shares = loadError(GOOD.replace("| 80", "| 70"));
        assertThat(shares.detailKey()).isEqualTo("data.procedure.shares");
        assertThat(shares.line()).isEqualTo(1);
        assertThat(shares.message(Locale.ENGLISH)).contains("90%");
        assertThat(shares.message(DomainMessages.VIETNAMESE)).contains("90%");

        DataFileException time = loadError(GOOD.replace("2 working-days", "2 days"));
        assertThat(time.detailKey()).isEqualTo("data.procedure.time");
        assertThat(time.line()).isEqualTo(7);

        assertThat(loadError(GOOD.replace("name.en = Test\n", "")).detailKey()).isEqualTo("data.procedure.missingKey");
        assertThat(loadError(GOOD.replace("[1.000001 v1]", "[1.0001 v1]")).detailKey()).isEqualTo("data.procedure.header");
        assertThat(loadError("name.vi = x\n").detailKey()).isEqualTo("data.procedure.outsideBlock");
        assertThat(loadError(GOOD.replace("cutoff = no", "cutoff = maybe")).detailKey()).isEqualTo("data.procedure.yesNo");
        assertThat(loadError(GOOD.replace("NONE 1", "NONE 5")).detailKey()).isEqualTo("data.procedure.online");
        assertThat(loadError(GOOD.replace("| ORIGINAL |", "| PHOTO |")).line()).isEqualTo(15);
        assertThat(loadError(GOOD.replace("step = RECEPTION | RECEPTION", "step = PROCESSING | RECEPTION")).detailKey())
                .isEqualTo("data.procedure.routeStart");
        assertThat(loadError(GOOD + "colour = red\n").detailKey()).isEqualTo("data.procedure.unknownKey");
        assertThat(loadError(GOOD + GOOD).detailKey()).isEqualTo("data.procedure.duplicateVersion");
        DataFileException overlap = loadError(GOOD + GOOD.replace("v1]", "v2]").replace("2020-01-01 ..", "2024-01-01 .."));
        assertThat(overlap.detailKey()).isEqualTo("data.procedure.overlap");
        assertThat(overlap.line()).isEqualTo(18);
        assertThat(loadError(GOOD.replace("2020-01-01 ..", "2020-01-01 .. 2019-01-01")).detailKey())
                .isEqualTo("data.dates.order");
    }
}
