package vn.motcua.domain.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.motcua.domain.DataFileException;
import vn.motcua.domain.DomainMessages;

class OfficeDirectoryTest {

    private final OfficeDirectory shipped = OfficeDirectory.shipped();

    private Office office(String id) {
        return shipped.byId(id).orElseThrow();
    }

    @Test
    void legacyThreeLevelHierarchyWardTownProvince() {
        assertThat(shipped.pathToRoot(office("doan-ket"))).extracting(Office::id)
                .containsExactly("doan-ket", "ayun-pa", "gia-lai-2008");
        assertThat(shipped.pathToRoot(office("doan-ket"))).extracting(Office::level)
                .containsExactly(OfficeLevel.COMMUNE, OfficeLevel.DISTRICT, OfficeLevel.PROVINCE);
        assertThat(office("doan-ket").nameVi()).isEqualTo("Ủy ban nhân dân phường Đoàn Kết");
        assertThat(office("ayun-pa").nameVi()).contains("thị xã Ayun Pa");
        assertThat(shipped.children(office("ayun-pa"))).extracting(Office::id).contains("doan-ket", "hoa-binh");
        assertThat(shipped.withDescendants(office("gia-lai-2008"))).extracting(Office::id)
                .startsWith("gia-lai-2008", "ayun-pa").contains("doan-ket", "hoa-binh").doesNotContain("gia-lai")
                .doesNotHaveDuplicates();
        assertThat(shipped.withDescendants(office("doan-ket"))).extracting(Office::id).containsExactly("doan-ket");
        assertThat(office("ayun-pa").validUntil()).contains(LocalDate.of(2025, 6, 30));
    }

    @Test
    void currentTwoLevelHierarchyCommuneProvinceFromJuly2025() {
        Office commune = office("phuong-ayun-pa");
        assertThat(shipped.pathToRoot(commune)).extracting(Office::level)
                .containsExactly(OfficeLevel.COMMUNE, OfficeLevel.PROVINCE);
        assertThat(shipped.parent(commune)).map(Office::id).contains("gia-lai");
        assertThat(commune.validFrom()).contains(LocalDate.of(2025, 7, 1));
        assertThat(shipped.children(office("gia-lai"), LocalDate.of(2025, 9, 1))).extracting(Office::id)
                .contains("phuong-ayun-pa", "xa-ia-rbol", "gia-lai-land");
    }

    @Test
    void districtsExistUntilTheReformOnly() {
        LocalDate before = LocalDate.of(2025, 6, 30);
        LocalDate after = LocalDate.of(2025, 7, 1);
        assertThat(shipped.validOn(before)).extracting(Office::level).contains(OfficeLevel.DISTRICT);
        assertThat(shipped.validOn(after)).extracting(Office::level).doesNotContain(OfficeLevel.DISTRICT);
        assertThat(shipped.validOn(after)).extracting(Office::id).doesNotContain("doan-ket", "gia-lai-2008");
        assertThat(shipped.validOn(before)).extracting(Office::id).doesNotContain("phuong-ayun-pa", "gia-lai");
        assertThat(shipped.validOn(after).get(0).level()).isEqualTo(OfficeLevel.PROVINCE);
    }

    @Test
    void reIssuedAgencyCodeIsLookedUpByDate() {
        AgencyCode province = AgencyCode.parse("000.00.00.H21");
        assertThat(shipped.byAgencyCode(province, LocalDate.of(2024, 5, 1))).map(Office::id).contains("gia-lai-2008");
        assertThat(shipped.byAgencyCode(province, LocalDate.of(2025, 8, 1))).map(Office::id).contains("gia-lai");
        assertThat(shipped.byAgencyCode(AgencyCode.parse("000.03.09.H21"), LocalDate.of(2025, 8, 1))).isEmpty();
    }

    @Test
    void namesFollowTheLanguage() {
        assertThat(office("gia-lai").name(Locale.ENGLISH)).isEqualTo("People's Committee of Gia Lai Province");
        assertThat(office("gia-lai").name(DomainMessages.VIETNAMESE)).isEqualTo("Ủy ban nhân dân tỉnh Gia Lai");
    }

    private static DataFileException loadError(String text) {
        try {
            OfficeDirectory.load(new StringReader(text), "test.txt");
        } catch (DataFileException e) {
            return e;
        }
        throw new AssertionError("no error for:\n" + text);
    }

    private static final String PROVINCE = "p | 000.00.00.H01 | PROVINCE | - | - | - | Tỉnh | Province\n";

    @Test
    void badDataFilesNameTheLine() {
        DataFileException e = loadError("# comment\n" + PROVINCE + "c | 000.01.00.H01 | COMMUNE | nobody | - | - | Xã | Commune\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.detailKey()).isEqualTo("data.office.unknownParent");
        assertThat(e.message(Locale.ENGLISH)).contains("test.txt").contains("line 3").contains("nobody");
        assertThat(e.message(DomainMessages.VIETNAMESE)).contains("dòng 3").contains("nobody");

        assertThat(loadError(PROVINCE + PROVINCE.replace("H01", "H02")).detailKey()).isEqualTo("data.office.duplicate");
        assertThat(loadError(PROVINCE + "q | 000.00.00.H01 | PROVINCE | - | - | - | X | X\n").detailKey())
                .isEqualTo("data.office.codeOverlap");
        assertThat(loadError("c | 000.01.00.H01 | COMMUNE | - | - | - | X | X\np | 000.00.00.H01 | PROVINCE | c | - | - | X | X\n")
                .detailKey()).isEqualTo("data.office.levelAboveParent");
        assertThat(loadError("p | 000.00.00.H1 | PROVINCE | - | - | - | X | X\n").detailKey()).isEqualTo("code.agency.format");
        assertThat(loadError("p | 000.00.00.H01 | CITY | - | - | - | X | X\n").detailKey()).isEqualTo("data.office.level");
        assertThat(loadError("p | 000.00.00.H01 | PROVINCE | - | - | X | X\n").detailKey()).isEqualTo("data.fields");
        assertThat(loadError("p | 000.00.00.H01 | PROVINCE | - | 2025-07-01 | 2025-06-30 | X | X\n").detailKey())
                .isEqualTo("data.dates.order");
        assertThat(loadError("p | 000.00.00.H01 | PROVINCE | - | 2025-13-01 | - | X | X\n").detailKey()).isEqualTo("data.date");
    }

    @Test
    void theSameCodeMayBeReIssuedForALaterPeriod() {
        OfficeDirectory directory = OfficeDirectory.load(new StringReader(
                "old | 000.00.00.H01 | PROVINCE | - | - | 2025-06-30 | A | A\n"
                        + "new | 000.00.00.H01 | PROVINCE | - | 2025-07-01 | - | B | B\n"), "ok.txt");
        assertThat(directory.all()).hasSize(2);
    }
}
