package vn.motcua.extraction.folding;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

class VietnameseFoldingTest {

    @Test
    void removesDiacriticsAndCaseIncludingD() {
        assertThat(VietnameseFolding.fold("Quyết định số 123/QĐ-UBND")).isEqualTo("quyet dinh so 123/qd-ubnd");
        assertThat(VietnameseFolding.fold("ĐỘC LẬP - TỰ DO - HẠNH PHÚC")).isEqualTo("doc lap - tu do - hanh phuc");
        assertThat(VietnameseFolding.fold("Nguyễn Thị Ượu, Ỷ Lan, Đặng Văn Đức"))
                .isEqualTo("nguyen thi uou, y lan, dang van duc");
    }

    @Test
    void decomposedInputFoldsTheSame() {
        String nfd = Normalizer.normalize("Ủy ban nhân dân phường Đoàn Kết", Normalizer.Form.NFD);
        assertThat(VietnameseFolding.fold(nfd)).isEqualTo("uy ban nhan dan phuong doan ket");
    }

    @Test
    void keepingLengthMapsCharForChar() {
        String text = "Số: 15/UBND-VP, ngày 05 tháng 01 năm 2023";
        String folded = VietnameseFolding.foldKeepingLength(text);
        assertThat(folded).hasSameSizeAs(text).isEqualTo("so: 15/ubnd-vp, ngay 05 thang 01 nam 2023");
    }

    @Test
    void nullAndAsciiAreSafe() {
        assertThat(VietnameseFolding.fold(null)).isEmpty();
        assertThat(VietnameseFolding.fold("ABC-123 xyz")).isEqualTo("abc-123 xyz");
    }
}
