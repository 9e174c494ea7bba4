package vn.motcua.alfresco.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/ cannot be started here (no Docker engine), so this checks that the compose file, the image recipes, the
 * environment files and the Maven build agree with each other: names, ports, volumes, properties and artifact files.
 */
class DockerSetupTest {

    private static final Path PROJECT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize()
            .getParent();
    private static final Path DOCKER = PROJECT.resolve("docker");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[?-][^}]*)?}");
    private static final Pattern SYSTEM_PROPERTY = Pattern.compile("-D([A-Za-z0-9._-]+)=(\\S+)");
    private static final Set<String> SERVICES = Set.of("alfresco", "share", "postgres", "solr6", "activemq",
            "transform-core-aio", "motcua-server");

    private final String composeText = read(DOCKER.resolve("compose.yaml"));
    private final Map<String, String> env = envFile(DOCKER.resolve(".env"));
    private final Map<String, String> secrets = envFile(DOCKER.resolve("secrets.env.example"));
    private final Map<String, Object> compose = new Yaml().load(composeText);

    @Test
    void theComposeFileHasEveryServiceWithAHealthCheck() {
        assertThat(services().keySet()).containsExactlyInAnyOrderElementsOf(SERVICES);
        services().forEach((name, service) -> assertThat(map(service).get("healthcheck")).as(name).isNotNull());
        assertThat(image("alfresco")).isEqualTo("motcua/alfresco:${MOTCUA_VERSION}");
        assertThat(image("solr6")).isEqualTo("alfresco/alfresco-search-services:${SEARCH_SERVICES_VERSION}");
        assertThat(image("activemq")).isEqualTo("alfresco/alfresco-activemq:${ACTIVEMQ_VERSION}");
        assertThat(image("transform-core-aio"))
                .isEqualTo("alfresco/alfresco-transform-core-aio:${TRANSFORM_CORE_AIO_VERSION}");
        assertThat(image("postgres")).isEqualTo("postgres:${POSTGRES_VERSION}");
        assertThat(env.get("ALFRESCO_VERSION")).startsWith("25.");
        assertThat(env.get("SHARE_VERSION")).startsWith("25.");
        assertThat(env.get("POSTGRES_VERSION")).startsWith("16");
    }

    @Test
    void everyVariableIsDefinedAndEverySecretIsRequiredAndNeverCommitted() throws IOException {
        Set<String> used = new TreeSet<>();
        Matcher m = VARIABLE.matcher(composeText);
        List<String> optionalSecrets = new ArrayList<>();
        while (m.find()) {
            used.add(m.group(1));
            if (secrets.containsKey(m.group(1)) && (m.group(2) == null || !m.group(2).startsWith(":?"))) {
                optionalSecrets.add(m.group());
            }
        }
        Set<String> defined = new HashSet<>(env.keySet());
        defined.addAll(secrets.keySet());
        assertThat(defined).containsAll(used);
        assertThat(optionalSecrets).as("secrets must use ${VAR:?message}").isEmpty();
        assertThat(used).containsAll(secrets.keySet());
        assertThat(secrets.values()).as("secrets.env.example holds placeholders only").allMatch(String::isEmpty);
        assertThat(env.keySet()).noneMatch(k -> k.contains("PASSWORD") || k.contains("SECRET"));
        assertThat(Files.readAllLines(DOCKER.resolve(".gitignore"))).contains("secrets.env");
    }

    @Test
    void imageRecipesCopyExactlyWhatTheBuildProduces() throws IOException {
        String version = System.getProperty("motcua.project.version", projectVersion());
        assertThat(env.get("MOTCUA_VERSION")).isEqualTo(version).isEqualTo(projectVersion());
        // What Maven writes: <artifactId>-<version>[-<assembly id>].<ext> (no finalName override in these poms).
        String amp = Path.of(System.getProperty("motcua.amp.file",
                "alfresco-amp/target/alfresco-amp-" + version + "-amp.zip")).getFileName().toString();
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("alfresco", "alfresco-amp/target/" + amp);
        expected.put("share", "share-ext/target/" + artifactId("share-ext") + "-" + version + ".jar");
        expected.put("motcua-server", "motcua-server/target/" + artifactId("motcua-server") + "-" + version + ".jar");
        for (String module : List.of("alfresco-amp", "share-ext", "motcua-server")) {
            assertThat(read(PROJECT.resolve(module).resolve("pom.xml"))).as(module).doesNotContain("<finalName>");
        }
        assertThat(read(PROJECT.resolve("alfresco-amp/src/assembly/amp.xml"))).contains("<id>amp</id>")
                .contains("<format>zip</format>");

        for (Map.Entry<String, String> e : expected.entrySet()) {
            Map<String, Object> build = map(map(services().get(e.getKey())).get("build"));
            assertThat(build.get("context")).isEqualTo("..");
            Path dockerfile = PROJECT.resolve((String) build.get("dockerfile"));
            String recipe = read(dockerfile);
            Map<String, Object> args = map(build.get("args"));
            // Every ARG the recipe declares is passed by compose, from a variable of .env.
            Matcher arg = Pattern.compile("(?m)^ARG ([A-Z_]+)").matcher(recipe);
            while (arg.find()) {
                assertThat(args).as(dockerfile + " ARG " + arg.group(1)).containsKey(arg.group(1));
                assertThat(args.get(arg.group(1))).isEqualTo("${" + arg.group(1) + "}");
                assertThat(env).containsKey(arg.group(1));
            }
            String source = copySources(recipe).get(0).replace("${MOTCUA_VERSION}", env.get("MOTCUA_VERSION"));
            assertThat(source).as(dockerfile + " copies the build output").isEqualTo(e.getValue());
            // BuildKit reads <Dockerfile>.dockerignore: the file copied must not be excluded from the context.
            List<String> ignore = Files.readAllLines(dockerfile.resolveSibling(dockerfile.getFileName() + ".dockerignore"));
            assertThat(ignore).first().isEqualTo("*");
            assertThat(ignore.stream().filter(l -> l.startsWith("!")).map(l -> l.substring(1))
                    .anyMatch(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)
                            .matches(Path.of(e.getValue())))).as(dockerfile + ".dockerignore lets " + source).isTrue();
        }
        Path built = Path.of(System.getProperty("motcua.amp.file", ""));
        if (Files.isRegularFile(built)) {
            assertThat(built.toString()).endsWith(expected.get("alfresco"));
        }
    }

    @Test
    void theRepositoryImageInstallsTheAmpWithAlfrescoMmtAndDropsRoot() {
        String recipe = read(DOCKER.resolve("alfresco/Dockerfile"));
        assertThat(recipe).contains("FROM alfresco/alfresco-content-repository-community:${ALFRESCO_VERSION}");
        String target = copyTargets(recipe).get(0);
        assertThat(target).endsWith(".amp");
        String ampDir = target.substring(0, target.lastIndexOf('/'));
        assertThat(recipe).containsPattern("alfresco-mmt\\S*\\.jar install \\\\\\s+" + Pattern.quote(ampDir)
                + " /usr/local/tomcat/webapps/alfresco -directory -nobackup -force");
        assertThat(recipe.indexOf("USER root")).isLessThan(recipe.indexOf("RUN java -jar"));
        assertThat(recipe.strip()).endsWith("USER alfresco");

        String share = read(DOCKER.resolve("share/Dockerfile"));
        assertThat(share).contains("FROM alfresco/alfresco-share:${SHARE_VERSION}");
        assertThat(copyTargets(share).get(0)).startsWith("/usr/local/tomcat/webapps/share/WEB-INF/lib/").endsWith(".jar");
    }

    @Test
    void theRepositoryTalksToTheOtherServicesWhereTheyListen() {
        Map<String, String> repo = systemProperties(environment("alfresco").get("JAVA_OPTS"));
        assertThat(repo).containsEntry("repo.event2.enabled", "true").containsEntry("index.subsystem.name", "solr6")
                .containsEntry("solr.secureComms", "secret");
        int serverPort = serverPort();
        assertThat(URI.create(repo.get("localTransform.motcua.url")))
                .satisfies(u -> assertThat(u.getHost()).isEqualTo("motcua-server"))
                .satisfies(u -> assertThat(u.getPort()).isEqualTo(serverPort))
                .satisfies(u -> assertThat(u.getPath()).isEqualTo("/"));
        URI coreAio = URI.create(repo.get("localTransform.core-aio.url"));
        assertThat(coreAio.getHost()).isEqualTo("transform-core-aio");
        assertThat(healthCheck("transform-core-aio")).contains("localhost:" + coreAio.getPort() + "/");
        assertThat(repo.get("solr.host")).isEqualTo("solr6");
        assertThat(environment("solr6").get("SOLR_SOLR_PORT")).isEqualTo(repo.get("solr.port"));
        assertThat(environment("solr6").get("SOLR_ALFRESCO_HOST")).isEqualTo("alfresco");
        assertThat(repo.get("solr.sharedSecret")).isEqualTo(
                systemProperties(environment("solr6").get("JAVA_TOOL_OPTIONS")).get("alfresco.secureComms.secret"));

        assertThat(repo.get("messaging.broker.url")).contains("activemq:61616");
        // JAVA_OPTS goes through the shell (catalina.sh eval): secrets and shell-special characters only inside quotes.
        for (String option : environment("alfresco").get("JAVA_OPTS").split("\\s+")) {
            boolean quoted = option.matches("-D[^=]+=\".*\"");
            boolean secret = secrets.keySet().stream().anyMatch(k -> option.contains("${" + k + "}"));
            boolean special = option.replaceAll("\\$\\{[A-Z0-9_]+}", "").matches(".*[()&;$|<>].*");
            assertThat(quoted || !(secret || special)).as(option + " must be quoted").isTrue();
        }
        assertThat(environment("motcua-server").get("SPRING_ACTIVEMQ_BROKERURL")).contains("activemq:61616");
        assertThat(healthCheck("activemq")).contains("/61616");

        assertThat(repo.get("db.url")).isEqualTo("jdbc:postgresql://postgres:5432/alfresco");
        Map<String, String> server = environment("motcua-server");
        assertThat(server.get("SPRING_DATASOURCE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/motcua");
        String init = read(DOCKER.resolve("postgres/init/01-motcua-databases.sh"));
        assertThat(init).contains("CREATE ROLE " + repo.get("db.username") + " LOGIN")
                .contains("CREATE DATABASE alfresco OWNER " + repo.get("db.username"))
                .contains("CREATE ROLE " + server.get("SPRING_DATASOURCE_USERNAME") + " LOGIN")
                .contains("CREATE DATABASE motcua OWNER " + server.get("SPRING_DATASOURCE_USERNAME"));
        // The init script reads exactly the passwords compose hands to the postgres container.
        Matcher vars = Pattern.compile("\"\\$([A-Z_]+)\"").matcher(init);
        while (vars.find()) {
            assertThat(environment("postgres")).containsKey(vars.group(1));
        }
        assertThat(repo.get("db.password")).isEqualTo(environment("postgres").get("ALFRESCO_DB_PASSWORD"));
        assertThat(server.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(environment("postgres").get("MOTCUA_DB_PASSWORD"));
    }

    @Test
    void theServerRunsInAlfrescoModeAndShareReachesBothBackends() throws Exception {
        Map<String, String> server = environment("motcua-server");
        assertThat(server).containsEntry("MOTCUA_STORE", "alfresco");
        URI repository = URI.create(server.get("CONTENT_SERVICE_URL"));
        assertThat(repository.getHost()).isEqualTo("alfresco");
        assertThat(repository.getPort()).isEqualTo(containerPort("alfresco"));
        assertThat(healthCheck("motcua-server")).contains("localhost:" + serverPort() + "/");

        Map<String, String> share = environment("share");
        assertThat(share).containsEntry("REPO_HOST", "alfresco")
                .containsEntry("REPO_PORT", String.valueOf(containerPort("alfresco")));
        Path config = PROJECT.resolve("share-ext/src/main/resources/META-INF/share-config-custom.xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        Document doc = factory.newDocumentBuilder().parse(config.toFile());
        String endpoint = doc.getElementsByTagName("endpoint-url").item(0).getTextContent().trim();
        assertThat(URI.create(endpoint)).satisfies(u -> assertThat(u.getHost()).isEqualTo("motcua-server"))
                .satisfies(u -> assertThat(u.getPort()).isEqualTo(serverPort()));
    }

    @Test
    void publishedPortsAreDistinctAndPointAtWhatTheContainersListenOn() {
        Map<String, String> hostPorts = new HashMap<>();
        services().forEach((name, service) -> {
            Object ports = map(service).get("ports");
            if (ports != null) {
                for (Object port : (List<?>) ports) {
                    String[] parts = port.toString().split(":");
                    String host = resolve(parts[0]);
                    assertThat(hostPorts.put(host, name)).as("host port " + host + " published twice").isNull();
                }
            }
        });
        assertThat(hostPorts.values()).containsExactlyInAnyOrder("alfresco", "share", "motcua-server");
        assertThat(containerPort("motcua-server")).isEqualTo(serverPort());
        assertThat(containerPort("alfresco")).isEqualTo(8080);
        assertThat(containerPort("share")).isEqualTo(8080);
        assertThat(environment("motcua-server").get("MOTCUA_PUBLIC_URL"))
                .isEqualTo("http://localhost:${MOTCUA_PORT}");
    }

    @Test
    void volumesAndDependenciesAreConsistent() {
        Set<String> declared = map(compose.get("volumes")).keySet();
        Set<String> usedNamed = new TreeSet<>();
        services().forEach((name, service) -> {
            Object volumes = map(service).get("volumes");
            if (volumes != null) {
                for (Object volume : (List<?>) volumes) {
                    String source = volume.toString().split(":")[0];
                    if (source.startsWith(".")) {
                        assertThat(DOCKER.resolve(source)).as(name + " bind mount").exists();
                    } else {
                        usedNamed.add(source);
                    }
                }
            }
            Object dependsOn = map(service).get("depends_on");
            if (dependsOn != null) {
                map(dependsOn).forEach((dependency, condition) -> {
                    assertThat(SERVICES).contains(dependency);
                    if ("service_healthy".equals(map(condition).get("condition"))) {
                        assertThat(map(services().get(dependency)).get("healthcheck")).isNotNull();
                    }
                });
            }
        });
        assertThat(usedNamed).isEqualTo(declared);
        assertThat(dependencies("motcua-server")).as("the server starts without Alfresco")
                .doesNotContain("alfresco", "share");
        assertThat(dependencies("alfresco")).contains("postgres", "activemq", "transform-core-aio");
        assertThat(dependencies("share")).contains("alfresco");
        assertThat(Files.isExecutable(DOCKER.resolve("postgres/init/01-motcua-databases.sh"))).isTrue();
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private Set<String> dependencies(String service) {
        Object dependsOn = map(services().get(service)).get("depends_on");
        return dependsOn == null ? Set.of() : map(dependsOn).keySet();
    }

    private int serverPort() {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(read(PROJECT.resolve(
                    "motcua-server/src/main/resources/application.properties"))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Integer.parseInt(properties.getProperty("server.port", "8080"));
    }

    private int containerPort(String service) {
        Object ports = map(services().get(service)).get("ports");
        String[] parts = ((List<?>) ports).get(0).toString().split(":");
        return Integer.parseInt(parts[parts.length - 1]);
    }

    private String healthCheck(String service) {
        return String.valueOf(map(map(services().get(service)).get("healthcheck")).get("test"));
    }

    private Map<String, String> environment(String service) {
        Map<String, String> result = new LinkedHashMap<>();
        map(map(services().get(service)).get("environment"))
                .forEach((k, v) -> result.put(k, withoutMessages(String.valueOf(v))));
        return result;
    }

    /** {@code ${VAR:?message}} becomes {@code ${VAR}}: what compose substitutes, without the error text. */
    private static String withoutMessages(String value) {
        return VARIABLE.matcher(value).replaceAll(m -> Matcher.quoteReplacement("${" + m.group(1) + "}"));
    }

    private static Map<String, String> systemProperties(String options) {
        Map<String, String> result = new LinkedHashMap<>();
        Matcher m = SYSTEM_PROPERTY.matcher(options);
        while (m.find()) {
            String value = m.group(2);
            boolean quoted = value.length() > 1 && value.startsWith("\"") && value.endsWith("\"");
            result.put(m.group(1), quoted ? value.substring(1, value.length() - 1) : value);
        }
        return result;
    }

    private String image(String service) {
        return (String) map(services().get(service)).get("image");
    }

    private Map<String, Object> services() {
        return map(compose.get("services"));
    }

    private String resolve(String value) {
        Matcher m = VARIABLE.matcher(value);
        return m.matches() ? env.get(m.group(1)) : value;
    }

    private static List<String> copySources(String recipe) {
        return copies(recipe, 1);
    }

    private static List<String> copyTargets(String recipe) {
        return copies(recipe, 2);
    }

    private static List<String> copies(String recipe, int group) {
        Matcher m = Pattern.compile("(?m)^COPY (\\S+) (\\S+)$").matcher(recipe);
        List<String> result = new ArrayList<>();
        while (m.find()) {
            result.add(m.group(group));
        }
        assertThat(result).as("COPY lines").isNotEmpty();
        return result;
    }

    private static String projectVersion() {
        String pom = read(PROJECT.resolve("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>motcua-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String artifactId(String module) {
        String pom = read(PROJECT.resolve(module).resolve("pom.xml"));
        // The module's own artifactId follows the </parent> block.
        Matcher m = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>").matcher(pom);
        assertThat(m.find()).as(module + " artifactId").isTrue();
        return m.group(1);
    }

    private static Map<String, String> envFile(Path file) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String line : read(file).split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                int eq = trimmed.indexOf('=');
                result.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }
}
