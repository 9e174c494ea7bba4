package vn.motcua.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ShareBeansAndEndpointTest {

    /** Share's own evaluator parents (ALFRESCO.md); nothing else may be extended. */
    static final Set<String> KNOWN_PARENTS = Set.of("evaluator.doclib.metadata.value", "evaluator.doclib.action.value",
            "evaluator.doclib.action.hasAspect", "evaluator.doclib.action.nodeType",
            "evaluator.doclib.action.propertyNotNull", "evaluator.doclib.action.chainedMatchAll",
            "evaluator.doclib.action.chainedMatchOne", "evaluator.doclib.action.groupMembership");
    /** Share classes a declarative bean may instantiate: the bundle registrar and the value comparators. */
    static final Set<String> KNOWN_CLASSES = Set.of(
            "org.springframework.extensions.surf.util.ResourceBundleBootstrapComponent",
            "org.alfresco.web.evaluator.StringEqualsComparator", "org.alfresco.web.evaluator.NullValueComparator");
    private static final Pattern ACCESSOR = Pattern.compile("node\\.properties\\.([a-z]+:[A-Za-z0-9]+)");
    private static final Pattern PROXY = Pattern.compile("proxy/([A-Za-z0-9_-]+)/");

    private final ShareFiles.Model model = ShareFiles.model();
    private final Document context = ShareFiles.parse(ShareFiles.CONTEXT);

    @Test
    void evaluatorBeansExtendOnlyKnownParentsAndInstantiateOnlyKnownClasses() {
        List<String> problems = new ArrayList<>();
        for (Element bean : ShareFiles.elements(context.getDocumentElement(), "bean")) {
            String parent = bean.getAttribute("parent");
            String cls = bean.getAttribute("class");
            if (!parent.isEmpty() && !KNOWN_PARENTS.contains(parent)) {
                problems.add(bean.getAttribute("id") + ": unknown parent " + parent);
            }
            if (!cls.isEmpty() && !KNOWN_CLASSES.contains(cls)) {
                problems.add(bean.getAttribute("id") + ": unknown class " + cls);
            }
            if (parent.isEmpty() == cls.isEmpty()) {
                problems.add(bean.getAttribute("id") + ": needs exactly one of parent or class");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void evaluatorsTestPropertiesTypesAndAspectsOfTheModelWithValuesItAllows() {
        List<String> problems = new ArrayList<>();
        for (Element bean : ShareFiles.elements(context.getDocumentElement(), "bean")) {
            String parent = bean.getAttribute("parent");
            for (Element property : ShareFiles.children(bean, "property")) {
                String name = property.getAttribute("name");
                List<String> values = ShareFiles.elements(property, "value").stream()
                        .map(v -> v.getTextContent().trim()).toList();
                if (name.equals("types")) {
                    values.stream().filter(v -> !model.isType(v) && !v.equals("cm:content"))
                            .forEach(v -> problems.add(bean.getAttribute("id") + ": type " + v));
                }
                if (name.equals("aspects")) {
                    values.stream().filter(v -> !model.isAspect(v))
                            .forEach(v -> problems.add(bean.getAttribute("id") + ": aspect " + v));
                }
                if (name.equals("accessor")) {
                    Matcher m = ACCESSOR.matcher(property.getAttribute("value"));
                    if (!m.matches() || !model.isProperty(m.group(1))) {
                        problems.add(bean.getAttribute("id") + ": accessor " + property.getAttribute("value"));
                        continue;
                    }
                    String compared = comparedValue(bean);
                    List<String> allowed = model.allowedValues().get(m.group(1));
                    boolean ok = allowed != null ? allowed.contains(compared)
                            : model.propertyType().get(m.group(1)).equals("d:boolean")
                                    && Set.of("true", "false").contains(compared);
                    if (!ok) {
                        problems.add(bean.getAttribute("id") + ": " + m.group(1) + " can never equal " + compared);
                    }
                }
            }
            if (parent.equals("evaluator.doclib.action.value") && ShareFiles.children(bean, "property").size() != 2) {
                problems.add(bean.getAttribute("id") + ": a value evaluator needs accessor and comparator");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void labelsAreRegisteredByTheBundleBootstrapAndExistInBothLanguages() {
        Element registrar = ShareFiles.elements(context.getDocumentElement(), "bean").stream()
                .filter(b -> b.getAttribute("class").endsWith("ResourceBundleBootstrapComponent")).findFirst()
                .orElseThrow();
        List<String> bundles = ShareFiles.elements(registrar, "value").stream().map(v -> v.getTextContent().trim())
                .toList();
        assertThat(bundles).containsExactly("alfresco.web-extension.messages.motcua-share");
        for (String bundle : bundles) {
            Path base = ShareFiles.RESOURCES.resolve(bundle.replace('.', '/'));
            assertThat(base.resolveSibling(base.getFileName() + ".properties")).isRegularFile();
            assertThat(base.resolveSibling(base.getFileName() + "_vi.properties")).isRegularFile();
        }
    }

    @Test
    void theServerIsReachedOnlyThroughTheOneEndpointNamedMotcua() {
        Document config = ShareFiles.parse(ShareFiles.SHARE_CONFIG);
        List<Element> endpoints = ShareFiles.elements(config.getDocumentElement(), "endpoint");
        assertThat(endpoints).hasSize(1);
        Element endpoint = endpoints.get(0);
        assertThat(text(endpoint, "id")).isEqualTo("motcua");
        assertThat(text(endpoint, "endpoint-url")).matches("https?://[A-Za-z0-9.-]+(:[0-9]+)?");
        assertThat(text(endpoint, "identity")).isEqualTo("user");
        // Share refuses to proxy to endpoints marked unsecure.
        assertThat(ShareFiles.children(endpoint, "unsecure")).isEmpty();

        List<String> uses = new ArrayList<>();
        for (String suffix : List.of(".js", ".ftl")) {
            for (Path file : ShareFiles.files(suffix)) {
                Matcher m = PROXY.matcher(ShareFiles.read(file));
                while (m.find()) {
                    uses.add(ShareFiles.RESOURCES.relativize(file) + " -> " + m.group(1));
                }
            }
        }
        assertThat(uses).hasSizeGreaterThanOrEqualTo(2).allSatisfy(u -> assertThat(u).endsWith("-> motcua"));
    }

    private static String comparedValue(Element bean) {
        return ShareFiles.elements(bean, "bean").stream()
                .flatMap(b -> ShareFiles.children(b, "property").stream())
                .filter(p -> p.getAttribute("name").equals("value")).map(p -> p.getAttribute("value"))
                .findFirst().orElse(null);
    }

    private static String text(Element parent, String child) {
        List<Element> found = ShareFiles.children(parent, child);
        return found.isEmpty() ? null : found.get(0).getTextContent().trim();
    }
}
