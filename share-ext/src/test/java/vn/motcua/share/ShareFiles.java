package vn.motcua.share;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The Share extension's files and the repository model they refer to, as plain files read by the tests. */
final class ShareFiles {

    static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    static final Path RESOURCES = MODULE.resolve("src/main/resources");
    static final Path SHARE_CONFIG = RESOURCES.resolve("META-INF/share-config-custom.xml");
    static final Path CONTEXT = RESOURCES.resolve("alfresco/web-extension/motcua-slingshot-application-context.xml");
    static final Path MESSAGES = RESOURCES.resolve("alfresco/web-extension/messages");
    static final Path DASHLET = RESOURCES.resolve("alfresco/web-extension/site-webscripts/vn/motcua/dashlets");
    static final Path MODEL = MODULE.resolveSibling("alfresco-amp")
            .resolve("src/main/resources/alfresco/module/motcua/model/motcuaModel.xml");

    private ShareFiles() {
    }

    /** Types, aspects, their properties and LIST values of the mc model (read from ../alfresco-amp). */
    record Model(Map<String, String> classKinds, Map<String, String> propertyOwner, Map<String, String> propertyType,
                 Map<String, List<String>> allowedValues) {

        boolean isType(String qname) {
            return "type".equals(classKinds.get(qname));
        }

        boolean isAspect(String qname) {
            return "aspect".equals(classKinds.get(qname));
        }

        boolean isProperty(String qname) {
            return propertyOwner.containsKey(qname);
        }
    }

    static Model model() {
        Document doc = parse(MODEL);
        Map<String, String> kinds = new LinkedHashMap<>();
        Map<String, String> owner = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, List<String>> constraintValues = new LinkedHashMap<>();
        for (Element c : elements(doc.getDocumentElement(), "constraint")) {
            for (Element parameter : children(c, "parameter")) {
                if (parameter.getAttribute("name").equals("allowedValues")) {
                    constraintValues.put(c.getAttribute("name"),
                            elements(parameter, "value").stream().map(Node::getTextContent).toList());
                }
            }
        }
        Map<String, List<String>> allowed = new LinkedHashMap<>();
        for (String kind : List.of("type", "aspect")) {
            for (Element cls : elements(doc.getDocumentElement(), kind)) {
                if (cls.getParentNode() instanceof Element p && p.getLocalName().equals(kind + "s")) {
                    kinds.put(cls.getAttribute("name"), kind);
                    for (Element property : elements(cls, "property")) {
                        String name = property.getAttribute("name");
                        owner.put(name, cls.getAttribute("name"));
                        types.put(name, elements(property, "type").get(0).getTextContent().trim());
                        for (Element ref : elements(property, "constraint")) {
                            List<String> values = constraintValues.get(ref.getAttribute("ref"));
                            if (values != null) {
                                allowed.put(name, values);
                            }
                        }
                    }
                }
            }
        }
        return new Model(kinds, owner, types, allowed);
    }

    static Document parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        } catch (Exception e) {
            throw new IllegalStateException(file + " is not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** Descendant elements with this local name, in document order. */
    static List<Element> elements(Element root, String localName) {
        NodeList list = root.getElementsByTagNameNS("*", localName);
        List<Element> result = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            result.add((Element) list.item(i));
        }
        return result;
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                result.add(e);
            }
        }
        return result;
    }

    /** Reads a bundle strictly as UTF-8 (a malformed byte fails the test instead of turning into mojibake). */
    static Properties bundle(Path file) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            Properties properties = new Properties();
            properties.load(new StringReader(text));
            return properties;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file + " as UTF-8 properties", e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    static List<Path> files(String suffix) {
        try (Stream<Path> walk = Files.walk(RESOURCES)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
