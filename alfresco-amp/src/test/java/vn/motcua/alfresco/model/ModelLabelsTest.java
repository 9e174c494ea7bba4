package vn.motcua.alfresco.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class ModelLabelsTest {

    private final ContentModel model = ContentModel.load();
    private final Properties english = Bundles.load(ContentModel.MODULE_RESOURCES.resolve("messages/motcuaModel.properties"));
    private final Properties vietnamese =
            Bundles.load(ContentModel.MODULE_RESOURCES.resolve("messages/motcuaModel_vi.properties"));

    /** Alfresco's key scheme: {@code mc_motcuaModel.type.mc_dossier.title}, {@code listconstraint.mc_x.VALUE}. */
    private List<String> expectedKeys() {
        String prefix = model.modelName.replace(':', '_');
        List<String> keys = new ArrayList<>();
        for (ContentModel.ClassDef cls : model.classes.values()) {
            for (String part : List.of("title", "description")) {
                keys.add(prefix + "." + cls.kind() + "." + cls.name().replace(':', '_') + "." + part);
                for (ContentModel.Property p : cls.properties()) {
                    keys.add(prefix + ".property." + p.name().replace(':', '_') + "." + part);
                }
            }
        }
        for (Map.Entry<String, List<String>> list : model.listConstraints.entrySet()) {
            for (String value : list.getValue()) {
                keys.add("listconstraint." + list.getKey().replace(':', '_') + "." + value);
            }
        }
        return keys;
    }

    @Test
    void everyTypeAspectPropertyAndListValueHasEnglishAndVietnameseLabels() {
        List<String> keys = expectedKeys();
        assertThat(keys).hasSizeGreaterThan(150);
        for (String key : keys) {
            assertThat(english.getProperty(key)).as("en " + key).isNotBlank();
            assertThat(vietnamese.getProperty(key)).as("vi " + key).isNotBlank();
        }
    }

    @Test
    void bothBundlesHaveTheSameKeysAndNoStrayOnes() {
        assertThat(vietnamese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        List<String> allowed = new ArrayList<>(expectedKeys());
        allowed.add(model.modelName.replace(':', '_') + ".description");
        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(allowed);
    }

    @Test
    void vietnameseLabelsAreVietnameseNotCopiesOfTheEnglishOnes() {
        long copies = vietnamese.stringPropertyNames().stream()
                .filter(k -> k.endsWith(".title")).filter(k -> vietnamese.getProperty(k).equals(english.getProperty(k)))
                .count();
        assertThat(copies).isZero();
        assertThat(vietnamese.getProperty("mc_motcuaModel.type.mc_dossier.title")).isEqualTo("Hồ sơ thủ tục hành chính");
        assertThat(vietnamese.getProperty("listconstraint.mc_dossierStatusList.RECEIVED")).isEqualTo("Đã tiếp nhận");
        assertThat(english.getProperty("listconstraint.mc_channelList.POST")).isEqualTo("By public post");
    }

    @Test
    void aBundleThatIsNotUtf8IsRejected() {
        // "Hô" in Windows-1258/Latin-1: 0xF4 is a lead byte without continuation in UTF-8.
        byte[] notUtf8 = {'x', '=', 'H', (byte) 0xF4};
        assertThatThrownBy(() -> Bundles.load(notUtf8, "broken.properties"))
                .hasMessageContaining("broken.properties is not valid UTF-8");
    }
}
