package vn.motcua.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ShareLabelsTest {

    /** Label ids Share itself defines (the standard advanced-search forms kept in the list). */
    private static final Set<String> STOCK_KEYS = Set.of("search.form.label.cm_content", "search.form.desc.cm_content",
            "search.form.label.cm_folder", "search.form.desc.cm_folder");
    private static final Pattern TEMPLATE_LABEL = Pattern.compile("\\{[A-Za-z]+_[A-Za-z0-9]+ ([^}]+)}");
    private static final Pattern SCRIPT_KEY = Pattern.compile("msg\\(\"([A-Za-z0-9._]*[A-Za-z0-9_])\"\\s*[,)]");
    private static final Pattern FTL_KEY = Pattern.compile("msg\\(\"([A-Za-z0-9._]+)\"\\)");

    private final ShareFiles.Model model = ShareFiles.model();
    private final Properties english = ShareFiles.bundle(ShareFiles.MESSAGES.resolve("motcua-share.properties"));
    private final Properties vietnamese = ShareFiles.bundle(ShareFiles.MESSAGES.resolve("motcua-share_vi.properties"));

    @Test
    void everyLabelTheConfigurationUsesExistsInEnglishAndVietnamese() {
        Document config = ShareFiles.parse(ShareFiles.SHARE_CONFIG);
        Set<String> keys = new TreeSet<>();
        for (String attribute : List.of("label-id", "labelId", "descriptionId", "label")) {
            for (Element e : ShareFiles.elements(config.getDocumentElement(), "*")) {
                if (e.hasAttribute(attribute)) {
                    keys.add(e.getAttribute(attribute));
                }
            }
        }
        for (Element line : ShareFiles.elements(config.getDocumentElement(), "line")) {
            Matcher m = TEMPLATE_LABEL.matcher(line.getTextContent());
            while (m.find()) {
                keys.add(m.group(1));
            }
        }
        // Change type / Manage aspects name each offered type and aspect by type.<p>_<name> / aspect.<p>_<name>.
        for (Element subtype : ShareFiles.elements(config.getDocumentElement(), "subtype")) {
            keys.add("type." + subtype.getAttribute("name").replace(':', '_'));
        }
        for (Element aspect : ShareFiles.elements(config.getDocumentElement(), "aspect")) {
            keys.add("aspect." + aspect.getAttribute("name").replace(':', '_'));
        }
        keys.removeAll(STOCK_KEYS);
        assertThat(keys).hasSizeGreaterThan(30);
        assertPresentInBoth(keys, english, vietnamese);
    }

    @Test
    void everyMessageTheActionScriptShowsExists() {
        String script = ShareFiles.read(ShareFiles.RESOURCES.resolve(
                "META-INF/motcua/components/documentlibrary/motcua-actions.js"));
        Set<String> keys = new TreeSet<>();
        Matcher m = SCRIPT_KEY.matcher(script);
        while (m.find()) {
            keys.add(m.group(1));
        }
        // msg("motcua.message.verify." + verdict): one message per verdict the model knows.
        assertThat(script).contains("\"motcua.message.verify.\" + verdict");
        model.allowedValues().get("mc:signatureVerdict").forEach(v -> keys.add("motcua.message.verify." + v));
        assertThat(keys).contains("motcua.message.verify.running", "motcua.message.openDesk.failure");
        assertPresentInBoth(keys, english, vietnamese);
    }

    @Test
    void bothShareBundlesHaveTheSameKeysAndRealTranslations() {
        assertThat(vietnamese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        List<String> copies = english.stringPropertyNames().stream()
                .filter(k -> english.getProperty(k).equals(vietnamese.getProperty(k))).toList();
        assertThat(copies).isEmpty();
    }

    @Test
    void theDashletIsAUserDashletWhoseLabelsExistInBothLanguagesForEveryStatus() {
        Document desc = ShareFiles.parse(ShareFiles.DASHLET.resolve("motcua-deadlines.get.desc.xml"));
        assertThat(ShareFiles.elements(desc.getDocumentElement(), "family").get(0).getTextContent())
                .isEqualTo("user-dashlet");
        assertThat(ShareFiles.elements(desc.getDocumentElement(), "url").get(0).getTextContent())
                .isEqualTo("/vn/motcua/dashlets/motcua-deadlines");
        Properties en = ShareFiles.bundle(ShareFiles.DASHLET.resolve("motcua-deadlines.get.properties"));
        Properties vi = ShareFiles.bundle(ShareFiles.DASHLET.resolve("motcua-deadlines.get_vi.properties"));
        assertThat(vi.stringPropertyNames()).isEqualTo(en.stringPropertyNames());

        Set<String> keys = new TreeSet<>();
        Matcher ftl = FTL_KEY.matcher(ShareFiles.read(ShareFiles.DASHLET.resolve("motcua-deadlines.get.html.ftl")));
        while (ftl.find()) {
            keys.add(ftl.group(1));
        }
        String script = ShareFiles.read(ShareFiles.RESOURCES.resolve(
                "META-INF/motcua/components/dashlets/motcua-deadlines.js"));
        Matcher js = SCRIPT_KEY.matcher(script);
        while (js.find()) {
            keys.add(js.group(1));
        }
        keys.addAll(List.of("deadline.overdue", "deadline.dueSoon", "message.empty", "message.failure"));
        assertThat(script).contains("this.msg(\"status.\" + d.status)");
        model.allowedValues().get("mc:status").forEach(s -> keys.add("status." + s));
        assertPresentInBoth(keys, en, vi);
        assertThat(vi.getProperty("status.RECEIVED")).isEqualTo("Đã tiếp nhận");
    }

    @Test
    void theDashletLoadsItsScriptAndStylesFromThisJarThroughTheMotcuaProxy() {
        String ftl = ShareFiles.read(ShareFiles.DASHLET.resolve("motcua-deadlines.get.html.ftl"));
        Matcher res = Pattern.compile("\\$\\{url\\.context}/res/([^\"]+)\"").matcher(ftl);
        List<String> resources = new ArrayList<>();
        while (res.find()) {
            resources.add(res.group(1));
        }
        assertThat(resources).hasSize(2).allSatisfy(r ->
                assertThat(ShareFiles.RESOURCES.resolve("META-INF").resolve(r)).isRegularFile());
        String controller = ShareFiles.read(ShareFiles.DASHLET.resolve("motcua-deadlines.get.js"));
        assertThat(controller).contains("name: \"MotCua.dashlet.Deadlines\"")
                .contains("\"/proxy/motcua/api/alfresco/dashlet\"");
        assertThat(ShareFiles.read(ShareFiles.RESOURCES.resolve(
                "META-INF/motcua/components/dashlets/motcua-deadlines.js")))
                .contains("MotCua.dashlet.Deadlines = function").doesNotContain("innerHTML");
    }

    private static void assertPresentInBoth(Set<String> keys, Properties en, Properties vi) {
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            if (en.getProperty(key) == null || en.getProperty(key).isBlank()) {
                missing.add("en " + key);
            }
            if (vi.getProperty(key) == null || vi.getProperty(key).isBlank()) {
                missing.add("vi " + key);
            }
        }
        assertThat(missing).isEmpty();
    }
}
