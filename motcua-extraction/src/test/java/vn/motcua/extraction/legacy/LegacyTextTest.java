package vn.motcua.extraction.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.motcua.extraction.corpus.LegacyEncoders;

class LegacyTextTest {

    private static final String PARAGRAPH = "Căn cứ Luật Tổ chức chính quyền địa phương; theo đề nghị của Trưởng phòng"
            + " Nội vụ thị xã, Ủy ban nhân dân quyết định phê duyệt danh sách người được hưởng trợ cấp, bảo đảm đúng"
            + " đối tượng, công khai, minh bạch và kịp thời trước ngày mười lăm tháng mười hai.";

    /** Strings as they appear when a .VnTime / VNI-Times document is read without its font. */
    @Test
    void knownTcvn3TextIsConverted() {
        assertThat(LegacyText.convert("Céng hoµ x· héi chñ nghÜa ViÖt Nam", LegacyEncoding.TCVN3))
                .isEqualTo("Cộng hoà xã hội chủ nghĩa Việt Nam");
        assertThat(LegacyText.convert("§éc lËp - Tù do - H¹nh phóc", LegacyEncoding.TCVN3))
                .isEqualTo("Độc lập - Tự do - Hạnh phúc");
        assertThat(LegacyText.convert("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", LegacyEncoding.TCVN3))
                .isEqualTo("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    }

    @Test
    void knownVniTextIsConverted() {
        assertThat(LegacyText.convert("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", LegacyEncoding.VNI))
                .isEqualTo("Cộng hòa xã hội chủ nghĩa Việt Nam");
        assertThat(LegacyText.convert("Ñoäc laäp - Töï do - Haïnh phuùc", LegacyEncoding.VNI))
                .isEqualTo("Độc lập - Tự do - Hạnh phúc");
        assertThat(LegacyText.convert("ñöôøng naêm ngöôøi QUYEÁT ÑÒNH", LegacyEncoding.VNI))
                .isEqualTo("đường năm người QUYẾT ĐỊNH");
    }

    @Test
    void knownViqrTextIsConverted() {
        assertThat(LegacyText.convert("Co^.ng ho`a xa~ ho^.i chu? nghi~a Vie^.t Nam.", LegacyEncoding.VIQR))
                .isEqualTo("Cộng hòa xã hội chủ nghĩa Việt Nam.");
        assertThat(LegacyText.convert("DDo^.c la^.p - Tu+. do - Ha.nh phu'c", LegacyEncoding.VIQR))
                .isEqualTo("Độc lập - Tự do - Hạnh phúc");
        assertThat(LegacyText.convert("Ta.i sao? Vi\\. du. nhu+ the^'.", LegacyEncoding.VIQR))
                .isEqualTo("Tại sao? Vi. dụ như thế.");
    }

    @Test
    void eachEncodingIsDetectedAndRoundTrips() {
        assertRoundTrip(LegacyEncoders.toTcvn3(PARAGRAPH), LegacyEncoding.TCVN3);
        assertRoundTrip(LegacyEncoders.toVni(PARAGRAPH), LegacyEncoding.VNI);
        assertRoundTrip(LegacyEncoders.toViqr(PARAGRAPH), LegacyEncoding.VIQR);
    }

    private static void assertRoundTrip(String legacy, LegacyEncoding encoding) {
        LegacyConversion c = LegacyText.repair(legacy);
        assertThat(c.converted()).contains(encoding);
        // TCVN3 has no code for upper-case Ủ: a title-case "Ủy" can only come back as "ủy".
        String expected = encoding == LegacyEncoding.TCVN3 ? PARAGRAPH.replace("Ủy", "ủy") : PARAGRAPH;
        assertThat(c.text()).isEqualTo(expected);
    }

    @Test
    void unicodeAndForeignTextIsLeftAlone() {
        assertThat(LegacyText.detect(PARAGRAPH)).isEmpty();
        assertThat(LegacyText.detect("The committee approved the list of households on 27 October 2022.")).isEmpty();
        assertThat(LegacyText.detect("Le comité a approuvé la liste des ménages déjà inscrits à Lyon, où l'été fut"
                + " chaud; voilà pourquoi la réunion a été reportée à la fin du mois d'août.")).isEmpty();
        assertThat(LegacyText.detect("Die Prüfung der Unterlagen für das Verfahren wurde übernommen.")).isEmpty();
        assertThat(LegacyText.detect("")).isEmpty();
        assertThat(LegacyText.repair(PARAGRAPH)).isEqualTo(new LegacyConversion(PARAGRAPH, Optional.empty()));
    }
}
