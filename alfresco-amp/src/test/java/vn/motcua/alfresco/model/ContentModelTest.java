package vn.motcua.alfresco.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class ContentModelTest {

    private final ContentModel model = ContentModel.load();

    /** Child order the real M2Model parser expects (ALFRESCO.md), independent of the XSD. */
    private static final List<String> MODEL_ORDER = List.of("description", "author", "published", "version", "imports",
            "namespaces", "data-types", "constraints", "types", "aspects");
    private static final List<String> CLASS_ORDER = List.of("title", "description", "parent", "archive",
            "includedInSuperTypeQuery", "properties", "associations", "overrides", "mandatory-aspects");
    private static final List<String> PROPERTY_ORDER = List.of("title", "description", "type", "protected", "mandatory",
            "multiple", "default", "index", "constraints", "encrypted");
    private static final List<String> INDEX_ORDER = List.of("atomic", "stored", "tokenised", "facetable");
    private static final Set<String> DATA_TYPES = Set.of("d:text", "d:mltext", "d:int", "d:long", "d:float", "d:double",
            "d:date", "d:datetime", "d:boolean", "d:noderef", "d:category", "d:content", "d:qname", "d:locale", "d:any");

    @Test
    void validatesAgainstAlfrescosModelSchema() throws Exception {
        Path xsd = ContentModel.sharedDir().resolve("alfresco/alfresco-modelSchema.xsd");
        if (!Files.isRegularFile(xsd)) {
            System.out.println("SKIPPED: Alfresco model schema not found at " + xsd + " (set -Dmotcua.shared)");
        }
        assumeTrue(Files.isRegularFile(xsd), "Alfresco model schema absent: " + xsd);
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.newSchema(xsd.toFile()).newValidator().validate(new StreamSource(ContentModel.MODEL_FILE.toFile()));
    }

    @Test
    void keepsTheElementOrderTheRepositoryParserNeeds() {
        List<String> problems = new ArrayList<>();
        Element root = model.document.getDocumentElement();
        checkOrder("model", root, MODEL_ORDER, problems);
        for (ContentModel.ClassDef cls : model.classes.values()) {
            Element element = classElement(cls.name());
            checkOrder(cls.name(), element, CLASS_ORDER, problems);
            for (ContentModel.Property p : cls.properties()) {
                checkOrder(p.name(), p.element(), PROPERTY_ORDER, problems);
                Element index = ContentModel.child(p.element(), "index");
                if (index != null) {
                    checkOrder(p.name() + "/index", index, INDEX_ORDER, problems);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void orderCheckRejectsMisplacedDuplicatedAndUnknownElements() {
        Element property = ContentModel.parse(new java.io.ByteArrayInputStream((
                "<property xmlns='" + ContentModel.DICTIONARY_NS + "' name='mc:x'><type>d:text</type><title>X</title>"
                + "<mandatory>true</mandatory><mandatory>true</mandatory><colour/></property>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8))).getDocumentElement();
        List<String> problems = new ArrayList<>();
        checkOrder("mc:x", property, PROPERTY_ORDER, problems);
        assertThat(problems).containsExactly("mc:x: <title> must come before <type>",
                "mc:x: <mandatory> must come before <mandatory>", "mc:x: unexpected element <colour>");
    }

    @Test
    void declaresTheMcNamespaceAndImportsWhatItUses() {
        Element root = model.document.getDocumentElement();
        assertThat(model.modelName).isEqualTo("mc:motcuaModel");
        Element namespace = ContentModel.child(ContentModel.child(root, "namespaces"), "namespace");
        assertThat(namespace.getAttribute("prefix")).isEqualTo("mc");
        assertThat(namespace.getAttribute("uri")).isEqualTo(ContentModel.MC_NS);
        Set<String> imported = new java.util.TreeSet<>();
        for (Element i : ContentModel.children(ContentModel.child(root, "imports"), "import")) {
            imported.add(i.getAttribute("prefix"));
        }
        Set<String> used = new java.util.TreeSet<>();
        model.properties.values().forEach(p -> used.add(p.type().substring(0, p.type().indexOf(':'))));
        model.classes.values().stream().filter(c -> c.parent() != null)
                .forEach(c -> used.add(c.parent().substring(0, c.parent().indexOf(':'))));
        used.remove("mc");
        assertThat(imported).isEqualTo(used);
    }

    @Test
    void hasTheTypesAspectsAndPropertiesTheIssueAsksFor() {
        assertThat(model.classes.get("mc:dossier").parent()).isEqualTo("cm:folder");
        assertThat(model.classes.get("mc:dossierDocument").parent()).isEqualTo("cm:content");
        assertThat(model.isAspect("mc:adminDocument")).isTrue();
        assertThat(model.isAspect("mc:signed")).isTrue();
        assertThat(model.isAspect("mc:interconnected")).isTrue();
        assertThat(model.isAspect("mc:archived")).isTrue();
        assertThat(propertiesOf("mc:dossier")).contains("mc:dossierCode", "mc:procedureCode", "mc:procedureName",
                "mc:field", "mc:applicantName", "mc:applicantIdNumber", "mc:applicantAddress", "mc:applicantPhone",
                "mc:channel", "mc:receivedAt", "mc:dueAt", "mc:status", "mc:currentOfficeCode", "mc:currentLevel",
                "mc:receivingOfficeCode", "mc:competentOfficeCode", "mc:resultCode", "mc:resolvedAt",
                "mc:onTimeVerdict", "mc:onlineLevel", "mc:retentionPeriod", "mc:archiveState");
        assertThat(propertiesOf("mc:dossierDocument")).contains("mc:componentName", "mc:componentRole", "mc:copyKind");
        assertThat(propertiesOf("mc:adminDocument")).contains("mc:issuingBody", "mc:documentNumber",
                "mc:documentSymbol", "mc:documentType", "mc:issueDate", "mc:issuePlace", "mc:summary", "mc:signerName",
                "mc:signerTitle", "mc:authorityPrefix");
        assertThat(propertiesOf("mc:signed")).contains("mc:signatureVerdict", "mc:signatureSigner",
                "mc:signatureIssuer", "mc:signingTime", "mc:timestampTime", "mc:signatureLevel",
                "mc:modifiedAfterSigning", "mc:signatureVerifiedAt", "mc:verifierVersion");
        assertThat(propertiesOf("mc:interconnected")).contains("mc:fromOfficeCode", "mc:toOfficeCode",
                "mc:forwardedAt", "mc:returnedAt");
        assertThat(propertiesOf("mc:archived")).contains("mc:archiveRetention", "mc:disposalDate", "mc:accessLevel");
    }

    @Test
    void listConstraintsHoldTheAgreedValues() {
        assertThat(model.listConstraints.get("mc:dossierStatusList")).containsExactly("RECEIVED", "IN_PROCESSING",
                "FORWARDED", "SENT_BACK", "AWAITING_SUPPLEMENT", "AWAITING_FINANCIAL_OBLIGATION", "AWAITING_APPROVAL",
                "APPROVED", "RESULT_SIGNED", "RETURNED", "INCOMPLETE", "REFUSED", "STOPPED", "WITHDRAWN", "ARCHIVED");
        assertThat(model.listConstraints.get("mc:channelList")).containsExactly("COUNTER", "POST", "ONLINE");
        assertThat(model.listConstraints.get("mc:onTimeVerdictList")).containsExactly("EARLY", "ON_TIME", "LATE");
        assertThat(model.listConstraints.get("mc:onlineLevelList")).containsExactly("FULL", "PARTIAL", "NONE");
        assertThat(model.listConstraints).containsKeys("mc:signatureVerdictList", "mc:signatureLevelList",
                "mc:officeLevelList", "mc:accessLevelList", "mc:deadlineStateList");
        assertThat(constraintOf("mc:status")).isEqualTo("mc:dossierStatusList");
        assertThat(constraintOf("mc:channel")).isEqualTo("mc:channelList");
        assertThat(constraintOf("mc:signatureVerdict")).isEqualTo("mc:signatureVerdictList");
        assertThat(constraintOf("mc:accessLevel")).isEqualTo("mc:accessLevelList");
    }

    @Test
    void everyPropertyIsWellFormed() {
        List<String> problems = new ArrayList<>();
        for (ContentModel.Property p : model.properties.values()) {
            if (!DATA_TYPES.contains(p.type())) {
                problems.add(p.name() + ": unknown data type " + p.type());
            }
            for (String ref : p.constraintRefs()) {
                if (!model.constraintTypes.containsKey(ref)) {
                    problems.add(p.name() + ": constraint " + ref + " is not defined");
                }
                if (model.listConstraints.containsKey(ref) && !p.type().equals("d:text")) {
                    problems.add(p.name() + ": LIST constraint on " + p.type());
                }
            }
            Element def = ContentModel.child(p.element(), "default");
            if (def != null) {
                for (String ref : p.constraintRefs()) {
                    List<String> allowed = model.listConstraints.get(ref);
                    if (allowed != null && !allowed.contains(def.getTextContent())) {
                        problems.add(p.name() + ": default " + def.getTextContent() + " not in " + ref);
                    }
                }
            }
            Element index = ContentModel.child(p.element(), "index");
            if (index == null) {
                problems.add(p.name() + ": no index block (say enabled=\"false\" when it must not be indexed)");
            } else if ("true".equals(text(index, "facetable")) && "true".equals(text(index, "tokenised"))) {
                // Solr facets a text property on its untokenised form only.
                problems.add(p.name() + ": facetable text must be tokenised false or both");
            }
        }
        assertThat(problems).isEmpty();
        assertThat(model.listConstraints.keySet()).allSatisfy(name -> assertThat(model.properties.values())
                .as("a property uses " + name).anyMatch(p -> p.constraintRefs().contains(name)));
    }

    @Test
    void archivistFiltersAreFacetableAndPersonalDataIsNot() {
        for (String facet : List.of("mc:status", "mc:channel", "mc:procedureCode", "mc:field", "mc:receivingOfficeCode",
                "mc:competentOfficeCode", "mc:currentOfficeCode", "mc:receivedAt", "mc:onTimeVerdict",
                "mc:documentType", "mc:issuingBody", "mc:issueDate", "mc:signatureVerdict", "mc:accessLevel",
                "mc:archiveRetention", "mc:archiveState")) {
            assertThat(indexValue(facet, "facetable")).as(facet + " facetable").isEqualTo("true");
        }
        assertThat(indexValue("mc:applicantIdNumber", "facetable")).isEqualTo("false");
        assertThat(indexValue("mc:applicantIdNumber", "tokenised")).isEqualTo("false");
        Element phoneIndex = ContentModel.child(model.properties.get("mc:applicantPhone").element(), "index");
        assertThat(phoneIndex.getAttribute("enabled")).isEqualTo("false");
        assertThat(indexValue("mc:dossierCode", "tokenised")).isEqualTo("both");
    }

    @Test
    void regexConstraintsAcceptTheDomainFormatsAndRejectOthers() {
        Pattern code = Pattern.compile(regex("mc:dossierCodeFormat"));
        assertThat(code.matcher("000.00.13.H12-250115-0001").matches()).isTrue();
        assertThat(code.matcher("000.00.00.H49-260102-12345").matches()).isTrue();
        assertThat(code.matcher("000.00.13.H12-2501-0001").matches()).isFalse();
        assertThat(code.matcher("000.00.13.H12-250115").matches()).isFalse();
        assertThat(code.matcher("H12 250115 0001").matches()).isFalse();
        Pattern retention = Pattern.compile(regex("mc:retentionPeriodFormat"));
        assertThat(List.of("PERMANENT", "P5Y", "P10Y", "P70Y")).allMatch(v -> retention.matcher(v).matches());
        assertThat(List.of("P0Y", "10", "P10M", "permanent", "")).noneMatch(v -> retention.matcher(v).matches());
        assertThat(model.constraintParameters.get("mc:dossierCodeFormat")).containsEntry("requiresMatch", "true");
    }

    private String regex(String constraint) {
        Map<String, String> parameters = model.constraintParameters.get(constraint);
        assertThat(model.constraintTypes.get(constraint)).isEqualTo("REGEX");
        return parameters.get("expression");
    }

    private String indexValue(String property, String element) {
        return text(ContentModel.child(model.properties.get(property).element(), "index"), element);
    }

    private static String text(Element parent, String name) {
        Element e = ContentModel.child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }

    private List<String> propertiesOf(String cls) {
        return model.classes.get(cls).properties().stream().map(ContentModel.Property::name).toList();
    }

    private String constraintOf(String property) {
        return model.properties.get(property).constraintRefs().get(0);
    }

    private Element classElement(String name) {
        Element root = model.document.getDocumentElement();
        for (String kind : List.of("type", "aspect")) {
            for (Element e : ContentModel.children(ContentModel.child(root, kind + "s"), kind)) {
                if (name.equals(e.getAttribute("name"))) {
                    return e;
                }
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** Each child must be a known element, and appear after the ones that precede it in {@code order}. */
    static void checkOrder(String where, Element parent, List<String> order, List<String> problems) {
        int last = -1;
        String lastName = null;
        for (Element child : ContentModel.children(parent, null)) {
            int position = order.indexOf(child.getLocalName());
            if (position < 0) {
                problems.add(where + ": unexpected element <" + child.getLocalName() + ">");
            } else if (position <= last) {
                problems.add(where + ": <" + child.getLocalName() + "> must come before <" + lastName + ">");
            } else {
                last = position;
                lastName = child.getLocalName();
            }
        }
    }
}
