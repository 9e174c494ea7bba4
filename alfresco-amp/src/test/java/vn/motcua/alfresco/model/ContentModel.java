package vn.motcua.alfresco.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The mc model as the tests see it: read with the JDK's DOM parser from the module's source resources. */
final class ContentModel {

    static final String DICTIONARY_NS = "http://www.alfresco.org/model/dictionary/1.0";
    static final String MC_NS = "http://www.motcua.vn/model/motcua/1.0";
    static final Path MODULE_RESOURCES = moduleDir().resolve("src/main/resources/alfresco/module/motcua");
    static final Path MODEL_FILE = MODULE_RESOURCES.resolve("model/motcuaModel.xml");

    record Property(String name, String owner, String type, List<String> constraintRefs, Element element) { }

    record ClassDef(String kind, String name, String parent, List<Property> properties) { }

    final Document document;
    final String modelName;
    final Map<String, ClassDef> classes = new LinkedHashMap<>();
    final Map<String, Property> properties = new LinkedHashMap<>();
    /** Constraint name to allowed values (empty list for non-LIST constraints). */
    final Map<String, List<String>> listConstraints = new LinkedHashMap<>();
    final Map<String, String> constraintTypes = new LinkedHashMap<>();
    final Map<String, Map<String, String>> constraintParameters = new LinkedHashMap<>();

    private ContentModel(Document document) {
        this.document = document;
        Element root = document.getDocumentElement();
        modelName = root.getAttribute("name");
        for (Element constraint : children(child(root, "constraints"), "constraint")) {
            String name = constraint.getAttribute("name");
            String type = constraint.getAttribute("type");
            constraintTypes.put(name, type);
            Map<String, String> parameters = new LinkedHashMap<>();
            for (Element parameter : children(constraint, "parameter")) {
                Element value = child(parameter, "value");
                if (value != null) {
                    parameters.put(parameter.getAttribute("name"), value.getTextContent());
                }
                Element list = child(parameter, "list");
                if (list != null && "allowedValues".equals(parameter.getAttribute("name"))) {
                    listConstraints.put(name, children(list, "value").stream().map(Node::getTextContent).toList());
                }
            }
            constraintParameters.put(name, parameters);
        }
        for (String kind : List.of("type", "aspect")) {
            Element container = child(root, kind + "s");
            for (Element cls : children(container, kind)) {
                String name = cls.getAttribute("name");
                Element parent = child(cls, "parent");
                List<Property> props = new ArrayList<>();
                for (Element property : children(child(cls, "properties"), "property")) {
                    List<String> refs = children(child(property, "constraints"), "constraint").stream()
                            .map(c -> c.getAttribute("ref")).toList();
                    Element type = child(property, "type");
                    Property p = new Property(property.getAttribute("name"), name,
                            type == null ? null : type.getTextContent().trim(), refs, property);
                    props.add(p);
                    properties.put(p.name(), p);
                }
                classes.put(name, new ClassDef(kind, name, parent == null ? null : parent.getTextContent().trim(), props));
            }
        }
    }

    static ContentModel load() {
        try (InputStream in = Files.newInputStream(MODEL_FILE)) {
            return new ContentModel(parse(in));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + MODEL_FILE, e);
        }
    }

    /** Every QName defined by the model: its types, aspects, properties and constraints. */
    Set<String> definedQNames() {
        Set<String> all = new TreeSet<>(classes.keySet());
        all.addAll(properties.keySet());
        all.addAll(constraintTypes.keySet());
        return all;
    }

    boolean isAspect(String qname) {
        ClassDef c = classes.get(qname);
        return c != null && c.kind().equals("aspect");
    }

    boolean isType(String qname) {
        ClassDef c = classes.get(qname);
        return c != null && c.kind().equals("type");
    }

    /** The prefix-less local name, e.g. {@code dossier} for {@code mc:dossier}. */
    static String local(String qname) {
        return qname.substring(qname.indexOf(':') + 1);
    }

    static Document parse(InputStream in) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        } catch (Exception e) {
            throw new IllegalStateException("Not well-formed XML: " + e.getMessage(), e);
        }
    }

    static Document parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    static Element child(Element parent, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> result = new ArrayList<>();
        if (parent == null) {
            return result;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (localName == null || localName.equals(e.getLocalName()))) {
                result.add(e);
            }
        }
        return result;
    }

    /** The module folder (surefire runs with the module as working directory and sets {@code basedir}). */
    static Path moduleDir() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }

    /** The project root (parent of this module). */
    static Path projectDir() {
        return moduleDir().getParent();
    }

    /** The shared reference folder, from {@code -Dmotcua.shared} or {@code ../shared} beside the project. */
    static Path sharedDir() {
        String configured = System.getProperty("motcua.shared");
        return configured != null ? Path.of(configured) : projectDir().resolveSibling("shared");
    }
}
