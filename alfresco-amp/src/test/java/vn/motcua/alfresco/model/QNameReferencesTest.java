package vn.motcua.alfresco.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every QName that the Share configuration, the server's QName mapping (used by the outbox and the T-Engine) and the
 * server's own Alfresco-mode code and resources name must exist in the mc model.
 */
class QNameReferencesTest {

    static final Path MAPPING = ContentModel.MODULE_RESOURCES.resolve("mapping/qname-mapping.properties");
    /** Stock Alfresco names the mapping may use next to the model's own. */
    private static final Set<String> STOCK = Set.of("cm:title", "cm:author", "cm:description", "sys:overwritePolicy");
    private static final Pattern PREFIXED = Pattern.compile("(?<![A-Za-z0-9_])mc:([A-Za-z][A-Za-z0-9]*)");
    private static final Pattern UNDERSCORED = Pattern.compile("(?<![A-Za-z0-9])mc_([A-Za-z][A-Za-z0-9]*)");
    private static final Pattern FULL = Pattern.compile(Pattern.quote("{" + ContentModel.MC_NS + "}") + "([A-Za-z0-9]+)");

    private final ContentModel model = ContentModel.load();

    @Test
    void theMappingNamesOnlyExistingQNamesAndWritesEveryModelProperty() {
        Properties mapping = Bundles.load(MAPPING);
        Map<String, String> prefixes = new TreeMap<>();
        mapping.stringPropertyNames().stream().filter(k -> k.startsWith("namespace.prefix."))
                .forEach(k -> prefixes.put(k.substring("namespace.prefix.".length()), mapping.getProperty(k)));
        assertThat(prefixes).containsEntry("mc", ContentModel.MC_NS);

        List<String> problems = new ArrayList<>();
        Set<String> written = new TreeSet<>();
        for (String key : new TreeSet<>(mapping.stringPropertyNames())) {
            if (key.startsWith("namespace.prefix.")) {
                continue;
            }
            for (String qname : mapping.getProperty(key).split(",")) {
                qname = qname.trim();
                String prefix = qname.contains(":") ? qname.substring(0, qname.indexOf(':')) : "";
                if (!prefixes.containsKey(prefix)) {
                    problems.add(key + ": undeclared prefix in " + qname);
                } else if (prefix.equals("mc")) {
                    boolean ok = key.startsWith("class.") ? model.classes.containsKey(qname)
                            : model.properties.containsKey(qname);
                    if (!ok) {
                        problems.add(key + ": " + qname + " is not in the model");
                    }
                    written.add(qname);
                } else if (!STOCK.contains(qname)) {
                    problems.add(key + ": " + qname + " is not a known Alfresco QName");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(written).as("every type, aspect and property has a writer in the mapping")
                .containsAll(model.classes.keySet()).containsAll(model.properties.keySet());
    }

    @Test
    void theTransformEngineAnswersOnlyWithTheHeaderAndSignatureAspects() {
        Properties mapping = Bundles.load(MAPPING);
        List<String> wrong = new ArrayList<>();
        for (String key : mapping.stringPropertyNames()) {
            String qname = mapping.getProperty(key);
            if (key.startsWith("extract.") && qname.startsWith("mc:")) {
                String owner = model.properties.get(qname).owner();
                if (!owner.equals("mc:adminDocument") && !owner.equals("mc:signed")) {
                    wrong.add(key + " -> " + qname + " of " + owner);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(mapping.getProperty("extract.title")).isEqualTo("cm:title");
        assertThat(mapping.getProperty("extract.header.number")).isEqualTo("mc:documentNumber");
        assertThat(mapping.getProperty("extract.signature.verdict")).isEqualTo("mc:signatureVerdict");
    }

    @Test
    void headerAndSignatureFieldsAreNamedAsInTheExtractionAndSignatureModules() {
        Properties mapping = Bundles.load(MAPPING);
        checkComponents(mapping, "extract.header.",
                "motcua-extraction/src/main/java/vn/motcua/extraction/header/DocumentHeader.java", Set.of());
        // The server sets these three itself: they are not in the verifier's report.
        checkComponents(mapping, "extract.signature.",
                "motcua-signature/src/main/java/vn/motcua/signature/verify/SignatureReport.java",
                Set.of("modifiedAfterSigning", "verifiedAt", "verifierVersion"));
    }

    private static void checkComponents(Properties mapping, String prefix, String source, Set<String> serverSide) {
        Path file = ContentModel.projectDir().resolve(source);
        if (!Files.isRegularFile(file)) {
            System.out.println("SKIPPED: " + source + " does not exist (yet)");
        }
        assumeTrue(Files.isRegularFile(file), source + " absent");
        String code;
        try {
            code = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Matcher header = Pattern.compile("record\\s+\\w+\\s*\\((.*?)\\)\\s*(?:implements[^{]*)?\\{", Pattern.DOTALL)
                .matcher(code);
        assertThat(header.find()).as("a record in " + source).isTrue();
        String parameters = header.group(1).replaceAll("//[^\\n]*", "");
        while (parameters.contains("<")) {
            parameters = parameters.replaceAll("<[^<>]*>", "");
        }
        Set<String> components = new TreeSet<>();
        for (String parameter : parameters.split(",")) {
            String[] words = parameter.strip().split("\\s+");
            components.add(words[words.length - 1]);
        }
        List<String> unknown = mapping.stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
                .map(k -> k.substring(prefix.length())).filter(k -> !components.contains(k) && !serverSide.contains(k))
                .sorted().toList();
        assertThat(unknown).as("components of " + components).isEmpty();
    }

    @Test
    void theShareExtensionNamesOnlyExistingQNames() throws IOException {
        Path share = ContentModel.projectDir().resolve("share-ext/src/main/resources");
        if (!Files.isDirectory(share)) {
            System.out.println("SKIPPED: no share-ext resources at " + share);
        }
        assumeTrue(Files.isDirectory(share), "share-ext resources absent");
        Map<String, Set<String>> found = scan(share, Set.of(".xml", ".js", ".ftl", ".properties"));
        assertThat(found).as("the Share extension refers to the model").hasSizeGreaterThan(40);
        assertThat(unknown(found)).isEmpty();
    }

    @Test
    void theServersAlfrescoModeNamesOnlyExistingQNames() throws IOException {
        Path server = ContentModel.projectDir().resolve("motcua-server/src/main");
        Map<String, Set<String>> found = Files.isDirectory(server)
                ? scan(server, Set.of(".java", ".properties", ".yml", ".yaml", ".json", ".xml"))
                : Map.of();
        if (found.isEmpty()) {
            System.out.println("SKIPPED: motcua-server has no Alfresco-mode code or resources naming mc QNames yet");
        }
        assumeTrue(!found.isEmpty(), "no mc QNames in motcua-server yet");
        assertThat(unknown(found)).isEmpty();
        assertThat(literalValuesOutsideTheirList(server)).isEmpty();
    }

    @Test
    void aLiteralValueOutsideItsListConstraintIsReported() throws IOException {
        Path dir = Files.createTempDirectory("mc-literals");
        Files.writeString(dir.resolve("Mirror.java"), "p.put(\"mc:status\", \"IN_PROCESS\"); p.put(\"mc:channel\", \"POST\");"
                + " p.put(\"mc:accessLevel\",\n \"RESTRICTED\");");
        assertThat(literalValuesOutsideTheirList(dir)).containsExactly("mc:status = IN_PROCESS in Mirror.java");
    }

    /** {@code "mc:x", "VALUE"} pairs (a property written with a fixed value) whose value its LIST does not allow. */
    private List<String> literalValuesOutsideTheirList(Path root) throws IOException {
        Pattern pair = Pattern.compile("\"mc:([A-Za-z0-9]+)\"\\s*,\\s*\"([^\"]*)\"");
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = pair.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    ContentModel.Property property = model.properties.get("mc:" + m.group(1));
                    if (property == null) {
                        continue; // reported as an unknown QName
                    }
                    for (String ref : property.constraintRefs()) {
                        List<String> allowed = model.listConstraints.get(ref);
                        if (allowed != null && !allowed.contains(m.group(2))) {
                            wrong.add("mc:" + m.group(1) + " = " + m.group(2) + " in " + root.relativize(file));
                        }
                    }
                }
            }
        }
        return wrong;
    }

    @Test
    void theScannerSeesAllThreeSpellingsAndReportsAnUnknownName() {
        Map<String, Set<String>> found = new TreeMap<>();
        collect("x", "mc:dossierCode {mc_status label} type.mc_dossier {" + ContentModel.MC_NS + "}noSuchThing"
                + " amc:ignored", found);
        assertThat(found.keySet()).containsExactly("mc:dossier", "mc:dossierCode", "mc:noSuchThing", "mc:status");
        assertThat(unknown(found)).containsExactly("mc:noSuchThing in [x]");
    }

    private List<String> unknown(Map<String, Set<String>> found) {
        Set<String> defined = model.definedQNames();
        List<String> unknown = new ArrayList<>();
        found.forEach((qname, files) -> {
            if (!defined.contains(qname)) {
                unknown.add(qname + " in " + files);
            }
        });
        return unknown;
    }

    private static Map<String, Set<String>> scan(Path root, Set<String> suffixes) throws IOException {
        Map<String, Set<String>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> suffixes.stream().anyMatch(s -> f.toString().endsWith(s))).toList()) {
                collect(root.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8), found);
            }
        }
        return found;
    }

    private static void collect(String where, String text, Map<String, Set<String>> found) {
        for (Pattern pattern : List.of(PREFIXED, UNDERSCORED, FULL)) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                found.computeIfAbsent("mc:" + m.group(1), k -> new TreeSet<>()).add(where);
            }
        }
    }
}
