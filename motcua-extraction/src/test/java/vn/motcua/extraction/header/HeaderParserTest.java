package vn.motcua.extraction.header;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Direct cases on text, for the variations the generated corpus does not produce. */
class HeaderParserTest {

    @Test
    void lineByLineLayoutWithLowerCaseNumberLabelAndDateBrokenOverTwoLines() {
        String text = """
                UBND TỈNH GIA LAI          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                SỞ NỘI VỤ                  Độc lập - Tự do - Hạnh phúc
                số : 1.204 /SNV-TCBC        Pleiku, ngày 09 tháng 12
                                            năm 2024
                V/v   hướng dẫn   sắp xếp
                tổ chức bộ máy
                Kính gửi: Các sở, ban, ngành tỉnh
                """;
        DocumentHeader h = HeaderParser.parse(text);
        assertThat(h.hasNationalTitle()).isTrue();
        assertThat(h.issuingBodyParent().orElseThrow().value()).isEqualTo("UBND TỈNH GIA LAI");
        assertThat(h.issuingBody().orElseThrow().value()).isEqualTo("SỞ NỘI VỤ");
        assertThat(h.number().orElseThrow().value()).isEqualTo("1.204");
        assertThat(h.symbol().orElseThrow().value()).isEqualTo("SNV-TCBC");
        assertThat(h.documentType().orElseThrow().value()).isEqualTo(DocumentType.OFFICIAL_LETTER);
        assertThat(h.summary().orElseThrow().value()).isEqualTo("V/v hướng dẫn sắp xếp tổ chức bộ máy");
        Field<String> place = h.place().orElseThrow();
        assertThat(place.value()).isEqualTo("Pleiku");
        assertThat(text.substring(place.start(), place.end())).isEqualTo(place.source()).isEqualTo("Pleiku");
        assertThat(h.date().orElseThrow().value()).isEqualTo(LocalDate.of(2024, 12, 9));
    }

    @Test
    void numberAndSymbolVariants() {
        assertNumber("Số: 123/QĐ-UBND", "123", "QĐ-UBND", DocumentType.DECISION);
        assertNumber("SỐ:05/NQ-HĐND", "05", "NQ-HĐND", DocumentType.RESOLUTION);
        assertNumber("Số : 12 / 2022 / QĐ – UBND", "12", "2022/QĐ-UBND", DocumentType.DECISION);
        assertNumber("Số: 07/QyĐ-UBND", "07", "QyĐ-UBND", DocumentType.RULES);
        assertNumber("Số: 33/CTr-UBND", "33", "CTr-UBND", DocumentType.PROGRAMME);
    }

    private static void assertNumber(String line, String number, String symbol, DocumentType type) {
        DocumentHeader h = HeaderParser.parse("ỦY BAN NHÂN DÂN\nXÃ IA RBOL\n" + line + "\n");
        assertThat(h.number().orElseThrow().value()).isEqualTo(number);
        assertThat(h.symbol().orElseThrow().value()).isEqualTo(symbol);
        assertThat(h.documentType().orElseThrow().value()).isEqualTo(type);
        assertThat(h.documentType().orElseThrow().confidence()).isEqualTo(0.85);
    }

    @Test
    void draftWithoutNumberOrDayKeepsWhatIsThere() {
        DocumentHeader h = HeaderParser.parse("""
                ỦY BAN NHÂN DÂN
                THỊ XÃ AYUN PA
                Số:      /QĐ-UBND
                Ayun Pa, ngày     tháng 10 năm 2022
                QUYẾT ĐỊNH
                Về việc thành lập Tổ công tác
                """);
        assertThat(h.number()).isEmpty();
        assertThat(h.symbol().orElseThrow().value()).isEqualTo("QĐ-UBND");
        assertThat(h.date()).isEmpty();
        assertThat(h.documentType().orElseThrow().value()).isEqualTo(DocumentType.DECISION);
        assertThat(h.documentType().orElseThrow().confidence()).isEqualTo(0.99);
        assertThat(h.summary().orElseThrow().value()).isEqualTo("Về việc thành lập Tổ công tác");
    }

    @Test
    void impossibleDateIsAbsentNotGuessed() {
        DocumentHeader h = HeaderParser.parse("Số: 1/TB-UBND\nAyun Pa, ngày 31 tháng 02 năm 2022\n");
        assertThat(h.date()).isEmpty();
        assertThat(h.place().orElseThrow().value()).isEqualTo("Ayun Pa");
    }

    @Test
    void plainProseHasNoHeader() {
        DocumentHeader h = HeaderParser.parse("Hôm nay trời đẹp. Chúng tôi đi họp ở xã bên cạnh.\nKhông có gì thêm.");
        assertThat(h).isEqualTo(DocumentHeader.empty());
        assertThat(HeaderParser.parse("   ")).isEqualTo(DocumentHeader.empty());
        assertThat(HeaderParser.parse("ANNUAL REPORT\nINTRODUCTION\nThe year was good.\n"))
                .isEqualTo(DocumentHeader.empty());
    }

    @Test
    void signatureWithActingPrefixAndWrappedRecipient() {
        DocumentHeader h = HeaderParser.parse("""
                Nội dung.
                Nơi nhận:
                - Thường trực Thị ủy, HĐND
                thị xã (b/c);
                - Lưu: VT.
                Q. CHÁNH VĂN PHÒNG
                [đã ký]
                Lý Thị Hoa
                """);
        assertThat(h.signerAuthority().orElseThrow().value()).isEqualTo(SignerAuthority.Q);
        assertThat(h.signerOnBehalfOf().orElseThrow().value()).isEqualTo("CHÁNH VĂN PHÒNG");
        assertThat(h.signerTitle()).isEmpty();
        assertThat(h.signerName().orElseThrow().value()).isEqualTo("Lý Thị Hoa");
        assertThat(h.recipients().orElseThrow().value())
                .isEqualTo(List.of("Thường trực Thị ủy, HĐND thị xã (b/c)", "Lưu: VT"));
    }

    @Test
    void labelsComeFromTheBundles() {
        assertThat(DocumentType.SUBMISSION.label(java.util.Locale.forLanguageTag("vi"))).isEqualTo("Tờ trình");
        assertThat(DocumentType.SUBMISSION.label(java.util.Locale.ROOT)).isEqualTo("Submission");
        assertThat(DocumentType.OFFICIAL_LETTER.abbreviation()).isEmpty();
        assertThat(DocumentType.INVITATION.abbreviation()).contains("GM");
    }
}
