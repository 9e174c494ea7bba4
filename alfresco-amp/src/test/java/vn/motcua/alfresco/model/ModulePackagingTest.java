package vn.motcua.alfresco.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ModulePackagingTest {

    private static final Path AMP = Path.of(System.getProperty("motcua.amp.file",
            ContentModel.moduleDir().resolve("target/alfresco-amp-0.1.0-SNAPSHOT-amp.zip").toString()));

    @Test
    void modulePropertiesDeclareTheModuleAndItsRepositoryRange() {
        Properties module = Bundles.load(ContentModel.moduleDir()
                .resolve("target/classes/alfresco/module/motcua/module.properties"));
        assertThat(module.getProperty("module.id")).isEqualTo("motcua").matches("[A-Za-z0-9_.\\-]+");
        assertThat(module.getProperty("module.version")).isEqualTo(System.getProperty("motcua.project.version"));
        assertThat(module.getProperty("module.title")).isNotBlank();
        assertThat(module.getProperty("module.description")).isNotBlank();
        assertThat(module.getProperty("module.repo.version.min")).isEqualTo("23.1");
        assertThat(module.getProperty("module.repo.version.max")).startsWith("25.");
    }

    @Test
    void moduleContextImportsTheBootstrapContextThatRegistersModelAndLabels() {
        Document context = ContentModel.parse(ContentModel.MODULE_RESOURCES.resolve("module-context.xml"));
        Element importElement = ContentModel.child(context.getDocumentElement(), "import");
        assertThat(importElement.getAttribute("resource"))
                .isEqualTo("classpath:alfresco/module/motcua/context/bootstrap-context.xml");

        Document bootstrap = ContentModel.parse(ContentModel.MODULE_RESOURCES.resolve("context/bootstrap-context.xml"));
        List<Element> beans = ContentModel.children(bootstrap.getDocumentElement(), "bean");
        assertThat(beans).hasSize(1);
        Element bean = beans.get(0);
        assertThat(bean.getAttribute("parent")).isEqualTo("dictionaryModelBootstrap");
        assertThat(bean.getAttribute("depends-on")).isEqualTo("dictionaryBootstrap");
        Map<String, List<String>> lists = listProperties(bean);
        assertThat(lists.get("models")).containsExactly("alfresco/module/motcua/model/motcuaModel.xml");
        assertThat(lists.get("labels")).containsExactly("alfresco/module/motcua/messages/motcuaModel");
        Path classes = ContentModel.moduleDir().resolve("target/classes");
        for (String model : lists.get("models")) {
            assertThat(classes.resolve(model)).isRegularFile();
        }
        for (String labels : lists.get("labels")) {
            assertThat(classes.resolve(labels + ".properties")).isRegularFile();
            assertThat(classes.resolve(labels + "_vi.properties")).isRegularFile();
        }
    }

    @Test
    void theAmpHasTheLayoutAlfrescoMmtExpects() throws IOException {
        assertThat(AMP).as("the AMP is built before the tests (process-classes)").isRegularFile();
        Map<String, byte[]> entries = unzip(AMP);
        assertThat(entries).containsKeys("module.properties", "file-mapping.properties",
                "config/alfresco/module/motcua/module-context.xml",
                "config/alfresco/module/motcua/context/bootstrap-context.xml",
                "config/alfresco/module/motcua/model/motcuaModel.xml",
                "config/alfresco/module/motcua/messages/motcuaModel.properties",
                "config/alfresco/module/motcua/messages/motcuaModel_vi.properties");
        assertThat(entries).doesNotContainKey("config/alfresco/module/motcua/module.properties");
        List<String> misplaced = new ArrayList<>();
        for (String name : entries.keySet()) {
            boolean allowed = name.equals("module.properties") || name.equals("file-mapping.properties")
                    || name.startsWith("config/") || name.startsWith("lib/") || name.startsWith("web/");
            if (!allowed) {
                misplaced.add(name);
            }
        }
        assertThat(misplaced).as("entries outside module.properties, config/, lib/, web/").isEmpty();

        Properties module = Bundles.load(entries.get("module.properties"), "module.properties");
        assertThat(module.getProperty("module.id")).isEqualTo("motcua");
        assertThat(module.getProperty("module.version")).isEqualTo(System.getProperty("motcua.project.version"));
        Properties mapping = Bundles.load(entries.get("file-mapping.properties"), "file-mapping.properties");
        assertThat(mapping.getProperty("include.default")).isEqualTo("true");

        // The AMP and the JAR module carry the very same model the tests checked.
        assertThat(entries.get("config/alfresco/module/motcua/model/motcuaModel.xml"))
                .isEqualTo(Files.readAllBytes(ContentModel.MODEL_FILE));
    }

    private static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> all = file.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (!entry.isDirectory()) {
                    try (InputStream in = file.getInputStream(entry)) {
                        entries.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
        return entries;
    }

    private static Map<String, List<String>> listProperties(Element bean) {
        Map<String, List<String>> result = new TreeMap<>();
        for (Element property : ContentModel.children(bean, "property")) {
            Element list = ContentModel.child(property, "list");
            result.put(property.getAttribute("name"),
                    ContentModel.children(list, "value").stream().map(v -> v.getTextContent().trim()).toList());
        }
        return result;
    }
}
