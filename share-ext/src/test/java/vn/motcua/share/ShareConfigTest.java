package vn.motcua.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ShareConfigTest {

    /** Stock Alfresco QNames the configuration may name besides the mc model. */
    private static final Set<String> STOCK_TYPES = Set.of("cm:content", "cm:folder");
    private static final Set<String> STOCK_PROPERTIES = Set.of("cm:name", "cm:title", "cm:description");
    /** Stock Share evaluators the metadata templates may reuse. */
    private static final Set<String> STOCK_EVALUATORS = Set.of("evaluator.doclib.metadata.hasCategories");
    private static final Pattern TEMPLATE_TOKEN = Pattern.compile("\\{([A-Za-z]+)_([A-Za-z0-9]+)(?: ([^}]+))?}");

    private final ShareFiles.Model model = ShareFiles.model();
    private final Document config = ShareFiles.parse(ShareFiles.SHARE_CONFIG);

    @Test
    void everyXmlFileIsWellFormed() {
        List<Path> xml = ShareFiles.files(".xml");
        assertThat(xml).hasSizeGreaterThanOrEqualTo(3);
        xml.forEach(ShareFiles::parse);
    }

    @Test
    void formsNameOnlyTypesAspectsAndPropertiesOfTheModel() {
        List<String> problems = new ArrayList<>();
        for (Element c : configs(null)) {
            String evaluator = c.getAttribute("evaluator");
            String condition = c.getAttribute("condition");
            if (evaluator.equals("node-type") || evaluator.equals("model-type")) {
                if (!model.isType(condition) && !STOCK_TYPES.contains(condition)) {
                    problems.add(evaluator + " " + condition + " is not a type");
                }
            }
            if (evaluator.equals("aspect") && !model.isAspect(condition)) {
                problems.add("aspect " + condition + " is not an aspect of the model");
            }
            for (String tag : List.of("show", "field")) {
                for (Element e : ShareFiles.elements(c, tag)) {
                    String id = e.getAttribute("id");
                    if (!model.isProperty(id) && !STOCK_PROPERTIES.contains(id)) {
                        problems.add(condition + ": <" + tag + " id=" + id + "> is not a property of the model");
                    } else if (evaluator.equals("aspect") && id.startsWith("mc:")
                            && !condition.equals(model.propertyOwner().get(id))) {
                        problems.add(condition + ": " + id + " belongs to " + model.propertyOwner().get(id));
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(configs("node-type")).extracting(e -> e.getAttribute("condition"))
                .contains("mc:dossier", "mc:dossierDocument");
        assertThat(configs("model-type")).extracting(e -> e.getAttribute("condition")).contains("mc:dossier");
        assertThat(configs("aspect")).extracting(e -> e.getAttribute("condition"))
                .containsExactlyInAnyOrder("mc:adminDocument", "mc:signed", "mc:interconnected", "mc:archived");
    }

    @Test
    void everyFormFieldSitsInADeclaredSetAndTheSixSetsAreThere() {
        List<String> problems = new ArrayList<>();
        Set<String> setLabels = new TreeSet<>();
        for (Element form : ShareFiles.elements(config.getDocumentElement(), "form")) {
            Set<String> sets = new TreeSet<>();
            for (Element set : ShareFiles.elements(form, "set")) {
                sets.add(set.getAttribute("id"));
                setLabels.add(set.getAttribute("label-id"));
            }
            Set<String> shown = new TreeSet<>();
            ShareFiles.elements(form, "show").forEach(s -> shown.add(s.getAttribute("id")));
            for (Element field : ShareFiles.elements(form, "field")) {
                if (!sets.contains(field.getAttribute("set"))) {
                    problems.add(field.getAttribute("id") + " in undeclared set " + field.getAttribute("set"));
                }
                if (!shown.contains(field.getAttribute("id"))) {
                    problems.add(field.getAttribute("id") + " has appearance but is not shown");
                }
            }
        }
        assertThat(problems).isEmpty();
        Properties vi = ShareFiles.bundle(ShareFiles.MESSAGES.resolve("motcua-share_vi.properties"));
        assertThat(setLabels.stream().map(vi::getProperty).toList())
                .contains("Hồ sơ", "Người nộp", "Thời hạn", "Liên thông", "Chữ ký số", "Văn bản");
    }

    @Test
    void documentLibraryOffersTheDossierSubtypeAndTheAspects() {
        Element doclib = configs("string-compare").stream()
                .filter(c -> c.getAttribute("condition").equals("DocumentLibrary")).findFirst().orElseThrow();
        List<String> problems = new ArrayList<>();
        for (Element aspect : ShareFiles.elements(doclib, "aspect")) {
            if (!model.isAspect(aspect.getAttribute("name"))) {
                problems.add("aspect " + aspect.getAttribute("name"));
            }
        }
        for (Element subtype : ShareFiles.elements(doclib, "subtype")) {
            if (!model.isType(subtype.getAttribute("name"))) {
                problems.add("subtype " + subtype.getAttribute("name"));
            }
        }
        assertThat(problems).isEmpty();
        Element folder = ShareFiles.elements(doclib, "type").stream()
                .filter(t -> t.getAttribute("name").equals("cm:folder")).findFirst().orElseThrow();
        assertThat(ShareFiles.children(folder, "subtype")).extracting(e -> e.getAttribute("name"))
                .containsExactly("mc:dossier");
        List<String> aspects = model.classKinds().entrySet().stream().filter(e -> e.getValue().equals("aspect"))
                .map(java.util.Map.Entry::getKey).toList();
        for (String list : List.of("visible", "addable")) {
            Element element = ShareFiles.elements(doclib, list).get(0);
            assertThat(ShareFiles.children(element, "aspect")).as(list).extracting(e -> e.getAttribute("name"))
                    .containsExactlyInAnyOrderElementsOf(aspects);
        }
        // Read-only server fields: every property of mc:signed is read-only wherever a form shows it.
        for (Element field : ShareFiles.elements(config.getDocumentElement(), "field")) {
            if ("mc:signed".equals(model.propertyOwner().get(field.getAttribute("id")))
                    && !isSearchForm(field)) {
                assertThat(field.getAttribute("read-only")).as(field.getAttribute("id")).isEqualTo("true");
            }
        }
    }

    @Test
    void advancedSearchKeepsTheStandardFormsAndAddsDossiersAndDocuments() {
        Element search = configs("string-compare").stream()
                .filter(c -> c.getAttribute("condition").equals("AdvancedSearch")).findFirst().orElseThrow();
        assertThat(search.getAttribute("replace")).isEqualTo("true");
        List<Element> forms = ShareFiles.elements(search, "form");
        assertThat(forms).extracting(e -> e.getTextContent().trim())
                .containsExactly("cm:content", "cm:folder", "mc:dossier", "cm:content");
        // Each listed search form exists as a model-type form (id "search" unless given).
        for (Element listed : forms) {
            String type = listed.getTextContent().trim();
            String id = listed.hasAttribute("id") ? listed.getAttribute("id") : "search";
            if (STOCK_TYPES.contains(type) && id.equals("search")) {
                continue; // Share's own search forms
            }
            boolean defined = configs("model-type").stream().filter(c -> c.getAttribute("condition").equals(type))
                    .flatMap(c -> ShareFiles.elements(c, "form").stream())
                    .anyMatch(f -> f.getAttribute("id").equals(id));
            assertThat(defined).as("search form " + id + " for " + type).isTrue();
        }
        Set<String> dossierSearch = shownIn("model-type", "mc:dossier", "search");
        assertThat(dossierSearch).contains("mc:dossierCode", "mc:applicantName", "mc:procedureCode",
                "mc:receivingOfficeCode", "mc:status", "mc:receivedAt", "mc:dueAt");
        Set<String> documentSearch = shownIn("model-type", "cm:content", "motcuaAdminDocument");
        assertThat(documentSearch).contains("mc:documentNumber", "mc:documentSymbol", "mc:signerName",
                "mc:signatureVerdict");
    }

    @Test
    void metadataTemplatesShowExistingProperties() {
        List<String> problems = new ArrayList<>();
        for (Element line : ShareFiles.elements(config.getDocumentElement(), "line")) {
            Matcher m = TEMPLATE_TOKEN.matcher(line.getTextContent());
            while (m.find()) {
                String qname = m.group(1) + ":" + m.group(2);
                if (!model.isProperty(qname)) {
                    problems.add(line.getAttribute("id") + ": " + qname);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyEvaluatorUsedIsDefinedAndEveryIconExists() {
        Set<String> defined = new TreeSet<>();
        Document context = ShareFiles.parse(ShareFiles.CONTEXT);
        ShareFiles.elements(context.getDocumentElement(), "bean").stream().filter(b -> b.hasAttribute("id"))
                .forEach(b -> defined.add(b.getAttribute("id")));
        Set<String> used = new TreeSet<>();
        ShareFiles.elements(config.getDocumentElement(), "evaluator")
                .forEach(e -> used.add(e.getTextContent().trim()));
        ShareFiles.elements(config.getDocumentElement(), "line").stream().filter(l -> l.hasAttribute("evaluator"))
                .forEach(l -> used.add(l.getAttribute("evaluator")));
        used.removeAll(STOCK_EVALUATORS);
        assertThat(defined).containsAll(used);

        Path doclib = ShareFiles.RESOURCES.resolve("META-INF/components/documentlibrary");
        for (Element indicator : ShareFiles.elements(config.getDocumentElement(), "indicator")) {
            assertThat(doclib.resolve("indicators").resolve(indicator.getAttribute("icon"))).isRegularFile();
        }
        for (Element action : ShareFiles.elements(config.getDocumentElement(), "action")) {
            if (action.hasAttribute("icon")) {
                assertThat(doclib.resolve("actions").resolve(action.getAttribute("icon") + "-16.png")).isRegularFile();
            }
        }
        for (Element js : ShareFiles.elements(config.getDocumentElement(), "js")) {
            assertThat(ShareFiles.RESOURCES.resolve("META-INF" + js.getAttribute("src"))).isRegularFile();
        }
    }

    @Test
    void actionsAreOfferedWhereTheIssueSaysAndCallRegisteredHandlers() {
        String script = ShareFiles.read(ShareFiles.RESOURCES.resolve(
                "META-INF/motcua/components/documentlibrary/motcua-actions.js"));
        for (Element action : ShareFiles.elements(config.getDocumentElement(), "action")) {
            if (!action.hasAttribute("type")) {
                continue; // a placement inside an actionGroup
            }
            String function = ShareFiles.children(action, "param").stream()
                    .filter(p -> p.getAttribute("name").equals("function")).findFirst().orElseThrow()
                    .getTextContent().trim();
            assertThat(script).as(function).contains("actionName: \"" + function + "\"");
        }
        assertThat(groupActions("folder-browse")).contains("motcua-open-desk");
        assertThat(groupActions("folder-details")).contains("motcua-open-desk");
        assertThat(groupActions("document-browse")).contains("motcua-verify-signature");
        assertThat(groupActions("document-details")).contains("motcua-verify-signature");
        Properties vi = ShareFiles.bundle(ShareFiles.MESSAGES.resolve("motcua-share_vi.properties"));
        assertThat(vi.getProperty("motcua.action.openDesk")).isEqualTo("Mở trên bàn làm việc một cửa");
        assertThat(vi.getProperty("motcua.action.verifySignature")).isEqualTo("Kiểm tra chữ ký số");
    }

    private static boolean isSearchForm(Element field) {
        for (org.w3c.dom.Node n = field.getParentNode(); n instanceof Element e; n = n.getParentNode()) {
            if (e.getLocalName().equals("form")) {
                return !e.getAttribute("id").isEmpty();
            }
        }
        return false;
    }

    private Set<String> groupActions(String group) {
        Set<String> ids = new LinkedHashSet<>();
        ShareFiles.elements(config.getDocumentElement(), "actionGroup").stream()
                .filter(g -> g.getAttribute("id").equals(group))
                .forEach(g -> ShareFiles.children(g, "action").forEach(a -> ids.add(a.getAttribute("id"))));
        return ids;
    }

    private Set<String> shownIn(String evaluator, String condition, String formId) {
        Set<String> shown = new TreeSet<>();
        configs(evaluator).stream().filter(c -> c.getAttribute("condition").equals(condition))
                .flatMap(c -> ShareFiles.elements(c, "form").stream())
                .filter(f -> f.getAttribute("id").equals(formId))
                .forEach(f -> ShareFiles.elements(f, "show").forEach(s -> shown.add(s.getAttribute("id"))));
        return shown;
    }

    private List<Element> configs(String evaluator) {
        return ShareFiles.children(config.getDocumentElement(), "config").stream()
                .filter(c -> evaluator == null || c.getAttribute("evaluator").equals(evaluator)).toList();
    }

}
