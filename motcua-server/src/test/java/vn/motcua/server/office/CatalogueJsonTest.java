package vn.motcua.server.office;

import org.junit.jupiter.api.Test;
import vn.motcua.domain.procedure.Procedure;
import vn.motcua.domain.procedure.ProcedureCatalogue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The catalogue's JSON exchange format: lossless round trip, and every kind of bad file refused with its JSON path. */
class CatalogueJsonTest {

    private static final ProcedureCatalogue SHIPPED = ProcedureCatalogue.shipped();

    @Test
    void exportThenReadGivesEveryVersionWithEveryFieldBack() {
        byte[] json = CatalogueJson.write(SHIPPED.all());
        List<Procedure> read = CatalogueJson.read(json);
        assertThat(read).isEqualTo(SHIPPED.all());
        assertThat(ProcedureCatalogue.of(read).all()).isEqualTo(SHIPPED.all());
        // Optional values are written, as null, so the schema is the same for every version.
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"schema\" : \"motcua-catalogue/1\"")
                .contains("\"validUntil\" : null").contains("\"competentOfficeId\" : null");
    }

    @Test
    void importingTheExportIntoAnEmptyCatalogueGivesAnEqualCatalogue() {
        List<Procedure> file = CatalogueJson.read(CatalogueJson.write(SHIPPED.all()));
        ProcedureAdmin.Plan plan = ProcedureAdmin.plan(ProcedureCatalogue.of(List.of()), file);
        assertThat(plan.result()).isEqualTo(new ProcedureAdmin.ImportResult(SHIPPED.all().size(), 0, 0));
        Comparator<Procedure> byKey = Comparator.comparing(Procedure::nationalCode).thenComparingInt(Procedure::version);
        assertThat(plan.versions().values().stream().sorted(byKey).toList())
                .isEqualTo(SHIPPED.all().stream().sorted(byKey).toList());
        // And into the catalogue it came from: nothing to do.
        assertThat(ProcedureAdmin.plan(SHIPPED, file).result())
                .isEqualTo(new ProcedureAdmin.ImportResult(0, 0, SHIPPED.all().size()));
    }

    @Test
    void aNewVersionInAFileEndsThePreviousOpenVersionAndADifferentCopyIsAConflict() {
        Procedure v1 = SHIPPED.versions("2.000884").get(0);
        Procedure v2 = new Procedure(v1.nationalCode(), 2, v1.nameVi(), v1.nameEn(), v1.fieldVi(), v1.fieldEn(),
                v1.competentLevel(), v1.competentOfficeId(), v1.components(), v1.timeLimit(), v1.steps(),
                v1.sameDayCutOff(), v1.fee(), v1.onlineLevel(), v1.legacyOnlineLevel(), v1.interconnected(),
                v1.pausesForSupplement(), v1.retention(), LocalDate.of(2030, 1, 1), java.util.Optional.empty());
        ProcedureAdmin.Plan plan = ProcedureAdmin.plan(SHIPPED, List.of(v2));
        assertThat(plan.versions().get("2.000884 v1").validUntil()).contains(LocalDate.of(2029, 12, 31));
        assertThat(plan.result()).isEqualTo(new ProcedureAdmin.ImportResult(1, 1, 0));

        Procedure renamed = ProcedureAdmin.until(v1, null);
        renamed = new Procedure(renamed.nationalCode(), 1, "Tên khác", renamed.nameEn(), renamed.fieldVi(),
                renamed.fieldEn(), renamed.competentLevel(), renamed.competentOfficeId(), renamed.components(),
                renamed.timeLimit(), renamed.steps(), renamed.sameDayCutOff(), renamed.fee(), renamed.onlineLevel(),
                renamed.legacyOnlineLevel(), renamed.interconnected(), renamed.pausesForSupplement(), renamed.retention(),
                renamed.validFrom(), renamed.validUntil());
        List<Procedure> conflicting = List.of(renamed);
        CatalogueImportException e = catchThrowableOfType(CatalogueImportException.class,
                () -> ProcedureAdmin.plan(SHIPPED, conflicting));
        assertThat(e.status().value()).isEqualTo(409);
        assertThat(e.problems()).containsExactly(new CatalogueJson.Problem("$.procedures[0]", "admin.json.conflict",
                "2.000884", 1));
        // Ending a version earlier is what a file may change.
        assertThat(ProcedureAdmin.plan(SHIPPED, List.of(ProcedureAdmin.until(v1, LocalDate.of(2031, 5, 1)))).result())
                .isEqualTo(new ProcedureAdmin.ImportResult(0, 1, 0));
    }

    private static CatalogueImportException refused(String json) {
        return catchThrowableOfType(CatalogueImportException.class,
                () -> CatalogueJson.read(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void malformedDeepDuplicateKeyAndEmptyDocumentsAreRefusedWithTheirOwnProblem() {
        assertThat(refused("{\"schema\": \"motcua-catalogue/1\", \"procedures\": [").problems())
                .extracting(CatalogueJson.Problem::key).containsExactly("admin.json.malformed");
        assertThat(refused("[".repeat(100_000)).problems()).extracting(CatalogueJson.Problem::key)
                .containsExactly("admin.json.tooDeep");
        assertThat(refused("{\"schema\": \"motcua-catalogue/1\", \"schema\": \"x\", \"procedures\": []}").problems())
                .extracting(CatalogueJson.Problem::key).containsExactly("admin.json.malformed");
        assertThat(refused("").problems()).extracting(CatalogueJson.Problem::key).containsExactly("admin.json.empty");
        assertThat(refused("{\"schema\": \"other/2\", \"procedures\": []}").problems())
                .containsExactly(new CatalogueJson.Problem("$.schema", "admin.json.schema", "\"other/2\"",
                        "motcua-catalogue/1"));
    }

    @Test
    void wrongTypesUnknownFieldsAndInvalidValuesAreListedWithTheirPaths() {
        String good = new String(CatalogueJson.write(List.of(SHIPPED.versions("2.000884").get(0))), StandardCharsets.UTF_8);
        String bad = good.replace("\"version\" : 1", "\"version\" : \"one\"")
                .replace("\"sharePercent\" : 10", "\"sharePercent\" : 110")
                .replace("\"validFrom\" : \"2020-01-01\"", "\"validFrom\" : \"01/01/2020\", \"colour\" : \"red\"")
                .replace("\"onlineLevel\" : \"PARTIAL\"", "\"onlineLevel\" : \"SOME\"")
                .replace("\"interconnected\" : false", "\"interconnected\" : \"no\"");
        CatalogueImportException e = refused(bad);
        assertThat(e.status().value()).isEqualTo(400);
        assertThat(e.problems()).extracting(p -> p.path() + " " + p.key()).containsExactly(
                "$.procedures[0].colour admin.json.unknownField");
        // Without the unknown field, the value problems are all reported at once.
        e = refused(bad.replace(", \"colour\" : \"red\"", ""));
        assertThat(e.problems()).extracting(p -> p.path() + " " + p.key()).contains(
                "$.procedures[0].version admin.json.type",
                "$.procedures[0].onlineLevel admin.json.enum",
                "$.procedures[0].interconnected admin.json.type",
                "$.procedures[0].validFrom admin.json.date",
                "$.procedures[0].steps[0].sharePercent admin.json.range");
    }

    @Test
    void routeSharesMissingFieldsDuplicatesAndTooManyErrorsAreReported() {
        String one = new String(CatalogueJson.write(List.of(SHIPPED.versions("2.000884").get(0))), StandardCharsets.UTF_8);
        assertThat(refused(one.replace("\"sharePercent\" : 10", "\"sharePercent\" : 5")).problems())
                .extracting(CatalogueJson.Problem::key).contains("admin.json.shares");
        assertThat(refused(one.replace("\"kind\" : \"RECEPTION\"", "\"kind\" : \"PROCESSING\"")).problems())
                .extracting(CatalogueJson.Problem::key).contains("admin.json.routeStart");
        assertThat(refused(one.replace("\"fee\" :", "\"cost\" :")).problems())
                .extracting(p -> p.path() + " " + p.key())
                .contains("$.procedures[0].cost admin.json.unknownField");
        String body = one.substring(one.indexOf('[') + 1, one.lastIndexOf(']'));
        String twice = one.replace(body, body + "," + body);
        assertThat(refused(twice).problems()).containsExactly(
                new CatalogueJson.Problem("$.procedures[1]", "admin.json.duplicate", "2.000884", 1));
        String many = "{\"schema\": \"motcua-catalogue/1\", \"procedures\": [" + "1,".repeat(500) + "1]}";
        assertThat(refused(many).problems()).hasSize(CatalogueJson.MAX_ERRORS)
                .first().isEqualTo(new CatalogueJson.Problem("$.procedures[0]", "admin.json.type", "object"));
    }
}
