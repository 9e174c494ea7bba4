package vn.motcua.alfresco.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The LIST constraints hold the very values the server writes, which are the names of the domain and signature enums.
 * This module has no compile-time dependency on them (it is pure Alfresco configuration), so it reads their sources.
 */
class DomainAlignmentTest {

    private static final Pattern ENUM_BODY = Pattern.compile("enum\\s+\\w+[^{]*\\{(.*?)[;}]", Pattern.DOTALL);
    private static final Pattern CONSTANT = Pattern.compile("(?m)^\\s*([A-Z][A-Z0-9_]*)\\s*(?:\\([^)]*\\))?\\s*[,;]?");

    private final ContentModel model = ContentModel.load();

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "mc:dossierStatusList, motcua-domain/src/main/java/vn/motcua/domain/dossier/DossierState.java",
        "mc:channelList, motcua-domain/src/main/java/vn/motcua/domain/dossier/Channel.java",
        "mc:onTimeVerdictList, motcua-domain/src/main/java/vn/motcua/domain/dossier/Verdict.java",
        "mc:officeLevelList, motcua-domain/src/main/java/vn/motcua/domain/office/OfficeLevel.java",
        "mc:onlineLevelList, motcua-domain/src/main/java/vn/motcua/domain/procedure/OnlineLevel.java",
        "mc:signatureVerdictList, motcua-signature/src/main/java/vn/motcua/signature/verify/Verdict.java",
        "mc:authorityPrefixList, motcua-extraction/src/main/java/vn/motcua/extraction/header/SignerAuthority.java"
    })
    void listValuesAreTheEnumConstants(String constraint, String source) throws IOException {
        Path file = ContentModel.projectDir().resolve(source);
        if (!Files.isRegularFile(file)) {
            System.out.println("SKIPPED: " + source + " does not exist (yet)");
        }
        assumeTrue(Files.isRegularFile(file), source + " absent");
        assertThat(model.listConstraints.get(constraint)).containsExactlyElementsOf(constants(Files.readString(file)));
    }

    @ParameterizedTest
    @CsvSource({"'enum A { X, Y_Z; }', 'X,Y_Z'", "'enum B implements L { /** doc */ P(1), Q(2); int r; }', 'P,Q'",
        "'enum C { ONE,\n // note\n TWO }', 'ONE,TWO'", "'package p; enum D { /** x */ A, /** y */ B }', 'A,B'"})
    void theEnumReaderFindsTheConstants(String source, String expected) {
        assertThat(constants(source)).containsExactly(expected.split(","));
    }

    /** Enum constant names, in declaration order, ignoring comments and constructor arguments. */
    static List<String> constants(String source) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
        Matcher body = ENUM_BODY.matcher(code);
        assertThat(body.find()).as("an enum declaration").isTrue();
        List<String> names = new ArrayList<>();
        for (String part : body.group(1).split(",")) {
            Matcher m = CONSTANT.matcher(part.strip());
            if (m.lookingAt()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
