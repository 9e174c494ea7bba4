package vn.motcua.server.office;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.domain.office.Role;
import vn.motcua.domain.procedure.Procedure;
import vn.motcua.server.Desk;
import vn.motcua.server.ServerTest;
import vn.motcua.server.TestClock;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Office and procedure administration on the running server: changes apply to the next request without a restart,
 * dossiers already received keep their office and procedure version, bad input is refused with vi/en problems and leaves
 * everything unchanged, admin only. Uses its own offices and procedure codes (9.9xxxxx), so other tests are unaffected.
 */
@ServerTest
class CatalogueAdminTest {

    static final String WARD = "phuong-ayun-pa";
    /** Changes are made by the province's administrator (the directory and the catalogue are the province's). */
    static final String PROVINCE = "gia-lai";

    @Autowired
    Desk desk;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LiveCatalogue live;
    @Autowired
    TestClock clock;

    private MvcResult send(MockHttpServletRequestBuilder req, Role role, String json) throws Exception {
        return desk.mvc().perform(req.contentType(MediaType.APPLICATION_JSON).content(json == null ? "" : json)
                .header("Accept-Language", "en").with(desk.as(role == Role.ADMIN ? PROVINCE : WARD, role)).with(csrf()))
                .andReturn();
    }

    private MvcResult admin(MockHttpServletRequestBuilder req, String json) throws Exception {
        return send(req, Role.ADMIN, json);
    }

    private static int status(MvcResult r) {
        return r.getResponse().getStatus();
    }

    private static void refused(MvcResult r, int status, String key) throws Exception {
        assertThat(status(r)).as(Desk.body(r)).isEqualTo(status);
        assertThat(Desk.<String>read(r, "$.key")).isEqualTo(key);
        // Both languages, really translated.
        assertThat(Desk.<String>read(r, "$.vi")).isNotBlank().isNotEqualTo(key).isNotEqualTo(Desk.read(r, "$.en"));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private String officeJson(String id, String code, String level, String parent, String from, String until) {
        return "{\"id\":\"" + id + "\",\"agencyCode\":\"" + code + "\",\"level\":\"" + level + "\",\"parentId\":"
                + (parent == null ? "null" : "\"" + parent + "\"") + ",\"nameVi\":\"Ủy ban nhân dân xã " + id
                + "\",\"nameEn\":\"People's Committee of " + id + "\",\"validFrom\":" + (from == null ? "null" : "\""
                + from + "\"") + ",\"validUntil\":" + (until == null ? "null" : "\"" + until + "\"") + "}";
    }

    @Test
    void aNewOfficeIsUsableAtOnceAndClosingItTakesItOutOfTheListsButNotOutOfItsDossiers() throws Exception {
        String id = "xa-thu-nghiem";
        MvcResult created = admin(post("/api/admin/offices"),
                officeJson(id, "000.00.77.H21", "COMMUNE", "gia-lai", today().minusDays(30).toString(), null));
        assertThat(status(created)).as(Desk.body(created)).isEqualTo(201);
        assertThat(Desk.<List<String>>read(desk.get(WARD, Role.RECEPTION, "/api/offices"), "$[*].id")).contains(id);
        MvcResult list = desk.get(WARD, Role.ADMIN, "/api/admin/offices");
        assertThat(Desk.<List<Integer>>read(list, "$[?(@.id == '" + id + "')].depth")).containsExactly(1);
        assertThat(Desk.<List<Boolean>>read(list, "$[?(@.id == '" + id + "')].local")).containsExactly(true);
        // The tree: the new commune comes right after its province's subtree starts, never before its parent.
        List<String> order = Desk.read(list, "$[*].id");
        assertThat(order.indexOf(id)).isGreaterThan(order.indexOf("gia-lai"));

        // The province administrator's accounts page offers it at once; its new reception officer (the office table
        // has it: the foreign key holds) receives a dossier.
        assertThat(Desk.body(desk.get("gia-lai", Role.ADMIN, "/admin/users"))).contains(id);
        MvcResult account = desk.mvc().perform(post("/api/admin/users").contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"" + id + ".reception\",\"displayName\":"
                + "\"Cán bộ tiếp nhận\",\"officeId\":\"" + id + "\",\"roles\":[\"RECEPTION\"],\"password\":\"Tiep-nhan-2026!x\"}")
                .with(desk.as("gia-lai", Role.ADMIN)).with(csrf())).andReturn();
        assertThat(status(account)).as(Desk.body(account)).isEqualTo(201);
        long dossier = desk.receiveAccepted(id, "2.000884", "document", "id-document");
        assertThat(Desk.<String>read(desk.get(id, Role.RECEPTION, "/api/dossiers/{id}", dossier), "$.receivingOfficeId"))
                .isEqualTo(id);

        // Closed on a merger date: gone from the lists of today, refused at reception, still on its dossiers.
        MvcResult closed = admin(put("/api/admin/offices/{id}", id),
                "{\"validUntil\":\"" + today().minusDays(1) + "\"}");
        assertThat(status(closed)).as(Desk.body(closed)).isEqualTo(200);
        assertThat(Desk.<Boolean>read(closed, "$.validToday")).isFalse();
        assertThat(Desk.<String>read(closed, "$.nameVi")).isEqualTo("Ủy ban nhân dân xã " + id);
        assertThat(Desk.<List<String>>read(desk.get(WARD, Role.RECEPTION, "/api/offices"), "$[*].id")).doesNotContain(id);
        assertThat(live.offices().validOn(today()).stream().map(o -> o.id())).doesNotContain(id);
        MvcResult page = desk.mvc().perform(get("/dossiers/{id}", dossier).header("Accept-Language", "vi")
                .with(desk.as(id, Role.RECEPTION))).andReturn();
        assertThat(status(page)).isEqualTo(200);
        assertThat(Desk.body(page)).contains("Ủy ban nhân dân xã " + id);
        assertThat(status(desk.receive(id, "2.000884", "ACCEPT", "", "document", "id-document"))).isNotEqualTo(201);
        assertThat(jdbc.sql("select valid_until from office where id = ?").param(id).query(LocalDate.class).single())
                .isEqualTo(today().minusDays(1));
        assertThat(jdbc.sql("select action from audit_log where target = ? order by id").param(id).query(String.class)
                .list()).containsExactly("admin.office.create", "admin.office.edit");
    }

    @Test
    void badOfficesAreRefusedWithTheirOwnMessageAndNothingIsStored() throws Exception {
        String from = today().toString();
        refused(admin(post("/api/admin/offices"), officeJson("xa-a", "H21.000", "COMMUNE", "gia-lai", from, null)),
                400, "admin.office.error.agencyCode");
        refused(admin(post("/api/admin/offices"), officeJson("xa-b", "000.00.78.H21", "COMMUNE", "nowhere", from, null)),
                400, "admin.office.error.parent");
        refused(admin(post("/api/admin/offices"), officeJson("gia-lai", "000.00.79.H21", "PROVINCE", null, from, null)),
                409, "admin.office.error.duplicate");
        refused(admin(post("/api/admin/offices"), officeJson("xa-c", "000.00.80.H21", "COMMUNE", "gia-lai", from,
                today().minusDays(1).toString())), 400, "admin.office.error.dates");
        refused(admin(post("/api/admin/offices"), officeJson("Xa C!", "000.00.80.H21", "COMMUNE", "gia-lai", from, null)),
                400, "admin.office.error.id");
        refused(admin(post("/api/admin/offices"), officeJson("xa-d", "000.00.81.H21", "PROVINCE", WARD, from, null)),
                400, "admin.office.error.levelAboveParent");
        refused(admin(post("/api/admin/offices"), officeJson("xa-e", "000.00.00.H21", "COMMUNE", "gia-lai", from, null)),
                400, "admin.office.error.codeOverlap");
        refused(admin(post("/api/admin/offices"), officeJson("xa-f", "000.00.82.H21", "WARD", "gia-lai", from, null)),
                400, "admin.office.error.level");
        refused(admin(post("/api/admin/offices"), officeJson("xa-g", "000.00.83.H21", "COMMUNE", "gia-lai", "31/12/2026",
                null)), 400, "admin.office.error.date");
        // A cycle through an edit of the parent.
        assertThat(status(admin(post("/api/admin/offices"), officeJson("tinh-a", "000.00.00.H98", "PROVINCE", null, from,
                null)))).isEqualTo(201);
        assertThat(status(admin(post("/api/admin/offices"), officeJson("so-b", "000.00.01.H98", "PROVINCE", "tinh-a", from,
                null)))).isEqualTo(201);
        refused(admin(put("/api/admin/offices/tinh-a"), "{\"parentId\":\"so-b\"}"), 400, "admin.office.error.cycle");
        refused(admin(put("/api/admin/offices/tinh-a"), "{\"parentId\":\"tinh-a\"}"), 400, "admin.office.error.cycle");
        refused(admin(put("/api/admin/offices/tinh-a"), "{\"agencyCode\":\"000.00.00.H97\"}"), 400,
                "admin.office.error.field");
        refused(admin(put("/api/admin/offices/nowhere"), "{\"nameVi\":\"x\"}"), 404, "admin.office.error.unknown");
        refused(admin(put("/api/admin/offices/so-b"), "{\"nameVi\":\"  \"}"), 400, "admin.office.error.name");

        assertThat(jdbc.sql("select count(*) from admin_office where id in ('xa-a','xa-b','xa-c','xa-d','xa-e','xa-f',"
                + "'xa-g','Xa C!')").query(Integer.class).single()).isZero();
        assertThat(live.offices().byId("tinh-a").orElseThrow().parentId()).isEmpty();
        assertThat(live.offices().byId("gia-lai").orElseThrow().level().name()).isEqualTo("PROVINCE");
    }

    /** A procedure of the test's own, made from a shipped one: same components (document, id-document). */
    private String procedureFile(String code, int days) {
        Procedure base = live.procedures().versions("2.000884").get(0);
        String json = new String(CatalogueJson.write(List.of(base)), StandardCharsets.UTF_8);
        return json.replace("\"2.000884\"", "\"" + code + "\"")
                .replace("\"amount\" : 0", "\"amount\" : " + days);
    }

    private MvcResult importFile(String json) throws Exception {
        return admin(post("/api/admin/procedures/import"), json);
    }

    @Test
    void aNewVersionAppliesToTheNextReceptionAndRetiringItTakesItOutOfReceptionLater() throws Exception {
        String code = "9.900001";
        MvcResult imported = importFile(procedureFile(code, 2));
        assertThat(status(imported)).as(Desk.body(imported)).isEqualTo(200);
        assertThat(Desk.<Integer>read(imported, "$.added")).isEqualTo(1);

        long first = desk.receiveAccepted(WARD, code, "document", "id-document");
        MvcResult firstView = desk.get(WARD, Role.RECEPTION, "/api/dossiers/{id}", first);
        Instant firstDue = Instant.parse(Desk.read(firstView, "$.dueAt"));
        assertThat(Desk.<Integer>read(firstView, "$.procedureVersion")).isEqualTo(1);

        refused(admin(post("/api/admin/procedures/{c}/versions", code), "{\"validFrom\":\"" + today().minusDays(1) + "\"}"),
                400, "admin.procedure.error.fromPast");
        MvcResult unknownField = admin(post("/api/admin/procedures/{c}/versions", code),
                "{\"validFrom\":\"" + today() + "\",\"version\":7}");
        refused(unknownField, 400, "admin.json.refused");
        assertThat(Desk.<List<String>>read(unknownField, "$.errors[*].path")).containsExactly("$.version");
        refused(admin(post("/api/admin/procedures/{c}/versions", "9.999999"), "{\"validFrom\":\"" + today() + "\"}"),
                404, "admin.procedure.error.unknown");

        MvcResult v2 = admin(post("/api/admin/procedures/{c}/versions", code), "{\"validFrom\":\"" + today()
                + "\",\"timeLimit\":{\"amount\":10,\"unit\":\"WORKING_DAYS\"},\"receptionLevel\":\"COMMUNE\"}");
        assertThat(status(v2)).as(Desk.body(v2)).isEqualTo(201);
        assertThat(Desk.<Integer>read(v2, "$.version")).isEqualTo(2);
        assertThat(Desk.<Integer>read(v2, "$.timeLimit")).isEqualTo(10);

        long second = desk.receiveAccepted(WARD, code, "document", "id-document");
        MvcResult secondView = desk.get(WARD, Role.RECEPTION, "/api/dossiers/{id}", second);
        assertThat(Desk.<Integer>read(secondView, "$.procedureVersion")).isEqualTo(2);
        Instant secondDue = Instant.parse(Desk.read(secondView, "$.dueAt"));
        assertThat(secondDue.atZone(WorkingCalendar.ZONE).toLocalDate())
                .isAfter(firstDue.atZone(WorkingCalendar.ZONE).toLocalDate());
        // Received before the change: its version and due date are kept.
        MvcResult again = desk.get(WARD, Role.RECEPTION, "/api/dossiers/{id}", first);
        assertThat(Desk.<Integer>read(again, "$.procedureVersion")).isEqualTo(1);
        assertThat(Instant.parse(Desk.read(again, "$.dueAt"))).isEqualTo(firstDue);
        MvcResult versions = desk.get(WARD, Role.ADMIN, "/api/admin/procedures");
        assertThat(Desk.<List<String>>read(versions, "$[?(@.code == '" + code + "')].versions[0].validUntil"))
                .containsExactly(today().minusDays(1).toString());

        // Retired today: still offered today, gone tomorrow, and the API refuses a reception then.
        refused(admin(post("/api/admin/procedures/{c}/retire", code), "{\"validUntil\":\"" + today().minusDays(1) + "\"}"),
                400, "admin.procedure.error.retirePast");
        MvcResult retired = admin(post("/api/admin/procedures/{c}/retire", code), "{\"validUntil\":\"" + today() + "\"}");
        assertThat(status(retired)).as(Desk.body(retired)).isEqualTo(200);
        assertThat(Desk.<Boolean>read(retired, "$.retired")).isTrue();
        refused(admin(post("/api/admin/procedures/{c}/retire", code), "{\"validUntil\":\"" + today().plusDays(3) + "\"}"),
                400, "admin.procedure.error.extend");
        assertThat(Desk.<List<String>>read(desk.get(WARD, Role.RECEPTION, "/api/procedures?q=" + code), "$[*].code"))
                .containsExactly(code);
        Instant tomorrow = today().plusDays(1).atTime(9, 0).atZone(WorkingCalendar.ZONE).toInstant();
        clock.at(tomorrow, () -> {
            assertThat(Desk.<List<String>>read(desk.get(WARD, Role.RECEPTION, "/api/procedures?q=" + code), "$[*].code"))
                    .isEmpty();
            assertThat(Desk.body(desk.get(WARD, Role.RECEPTION, "/reception/procedures?q=" + code))).doesNotContain(code);
            refused(desk.receive(WARD, code, "ACCEPT", "", "document", "id-document"), 422, "error.procedure.unknown");
            return null;
        });
        assertThat(jdbc.sql("select action from audit_log where target = ? order by id").param(code + " v2")
                .query(String.class).list()).containsExactly("admin.procedure.version", "admin.procedure.retire");
        assertThat(jdbc.sql("select count(*) from archive_retention where procedure_code = ?").param(code)
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void simultaneousNewVersionsAreSerialisedOnlyOneWins() throws Exception {
        String code = "9.900007";
        assertThat(status(importFile(procedureFile(code, 1)))).isEqualTo(200);
        String json = "{\"validFrom\":\"" + today().plusDays(1) + "\"}";
        int threads = 6;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<MvcResult>> results = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return admin(post("/api/admin/procedures/{c}/versions", code), json);
                }));
            }
            int created = 0;
            for (var f : results) {
                MvcResult r = f.get();
                if (status(r) == 201) {
                    created++;
                } else {
                    refused(r, 400, "admin.procedure.error.fromBeforePrevious");
                }
            }
            assertThat(created).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(live.procedures().versions(code)).extracting(Procedure::version).containsExactly(1, 2);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'admin.procedure.version' and target = ?")
                .param(code + " v2").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void exportImportRoundTripChangesNothingAndHostileImportsLeaveTheCatalogueUnchanged() throws Exception {
        MvcResult export = desk.get(WARD, Role.ADMIN, "/api/admin/procedures/export");
        assertThat(status(export)).isEqualTo(200);
        String catalogue = Desk.body(export);
        List<Procedure> before = live.procedures().all();
        assertThat(CatalogueJson.read(catalogue.getBytes(StandardCharsets.UTF_8))).isEqualTo(before);
        MvcResult same = importFile(catalogue);
        assertThat(status(same)).as(Desk.body(same)).isEqualTo(200);
        assertThat(Desk.<Integer>read(same, "$.added")).isZero();
        assertThat(Desk.<Integer>read(same, "$.closed")).isZero();
        assertThat(Desk.<Integer>read(same, "$.unchanged")).isEqualTo(before.size());

        MvcResult malformed = importFile("{\"schema\": \"motcua-catalogue/1\", \"procedures\": [{]}");
        refused(malformed, 400, "admin.json.refused");
        assertThat(Desk.<List<String>>read(malformed, "$.errors[*].key")).containsExactly("admin.json.malformed");
        MvcResult types = importFile(procedureFile("9.900002", 1).replace("\"quantity\" : 1", "\"quantity\" : \"1\"")
                .replace("\"mandatory\" : true", "\"mandatory\" : \"yes\""));
        refused(types, 400, "admin.json.refused");
        assertThat(Desk.<List<String>>read(types, "$.errors[*].path")).contains(
                "$.procedures[0].components[0].quantity", "$.procedures[0].components[0].mandatory");
        assertThat(Desk.<String>read(types, "$.errors[0].vi")).isNotEqualTo(Desk.read(types, "$.errors[0].en"));
        refused(importFile("[".repeat(50_000)), 400, "admin.json.refused");
        MvcResult office = importFile(procedureFile("9.900005", 1).replace("\"competentOfficeId\" : null",
                "\"competentOfficeId\" : \"nowhere\""));
        refused(office, 400, "admin.json.refused");
        assertThat(Desk.<List<String>>read(office, "$.errors[*].key")).containsExactly("admin.json.unknownOffice");
        refused(importFile("{\"schema\":\"motcua-catalogue/1\",\"procedures\":[],\"padding\":\"" + "x".repeat(10 << 20)
                + "\"}"), 413, "admin.json.refused");
        // All or nothing: a new procedure and a changed copy of an existing version in one file.
        String changed = catalogue.replace("Chứng thực chữ ký", "Chứng thực chữ ký (sửa)");
        assertThat(changed).isNotEqualTo(catalogue);
        String both = changed.replaceFirst("\"procedures\" : \\[", "\"procedures\" : ["
                + procedureBody(procedureFile("9.900003", 1)) + ",");
        MvcResult conflict = importFile(both);
        refused(conflict, 409, "admin.json.refused");
        assertThat(Desk.<List<String>>read(conflict, "$.errors[*].key")).containsOnly("admin.json.conflict");

        assertThat(live.procedures().all()).isEqualTo(before);
        assertThat(live.procedures().versions("9.900003")).isEmpty();
        assertThat(Desk.body(desk.get(WARD, Role.ADMIN, "/api/admin/procedures/export"))).isEqualTo(catalogue);
    }

    private static String procedureBody(String file) {
        return file.substring(file.indexOf('[') + 1, file.lastIndexOf(']'));
    }

    @Test
    void onlyAdministratorsSeeAndChangeTheDirectoryAndCsrfIsRequired() throws Exception {
        for (Role role : List.of(Role.RECEPTION, Role.LEADER, Role.ARCHIVIST, Role.SPECIALIST)) {
            for (String path : List.of("/api/admin/offices", "/api/admin/procedures", "/api/admin/procedures/export",
                    "/admin/offices", "/admin/procedures", "/admin/procedures/export")) {
                assertThat(status(desk.get(WARD, role, path))).as(role + " " + path).isEqualTo(403);
            }
            assertThat(status(send(post("/api/admin/offices"), role,
                    officeJson("xa-x", "000.00.90.H21", "COMMUNE", "gia-lai", null, null)))).isEqualTo(403);
            assertThat(status(send(put("/api/admin/offices/gia-lai"), role, "{\"nameVi\":\"x\"}"))).isEqualTo(403);
            assertThat(status(send(post("/api/admin/procedures/2.000884/versions"), role,
                    "{\"validFrom\":\"" + today().plusDays(1) + "\"}"))).isEqualTo(403);
            assertThat(status(send(post("/api/admin/procedures/2.000884/retire"), role,
                    "{\"validUntil\":\"" + today().plusDays(1) + "\"}"))).isEqualTo(403);
            assertThat(status(send(post("/api/admin/procedures/import"), role, "{}"))).isEqualTo(403);
            assertThat(status(desk.mvc().perform(post("/admin/offices").param("id", "xa-x")
                    .with(desk.as(WARD, role)).with(csrf())).andReturn())).isEqualTo(403);
            assertThat(status(desk.mvc().perform(post("/admin/procedures/2.000884/retire")
                    .param("validUntil", today().plusDays(1).toString())
                    .with(desk.as(WARD, role)).with(csrf())).andReturn())).isEqualTo(403);
            assertThat(Desk.body(desk.get(WARD, role, "/"))).doesNotContain("nav-admin-offices");
        }
        // Without the CSRF token even an administrator is refused.
        assertThat(status(desk.mvc().perform(post("/api/admin/offices").contentType(MediaType.APPLICATION_JSON)
                .content(officeJson("xa-y", "000.00.91.H21", "COMMUNE", "gia-lai", null, null))
                .with(desk.as(PROVINCE, Role.ADMIN))).andReturn())).isEqualTo(403);
        assertThat(status(desk.mvc().perform(post("/admin/procedures/2.000884/retire")
                .param("validUntil", today().plusDays(1).toString()).with(desk.as(PROVINCE, Role.ADMIN))).andReturn()))
                .isEqualTo(403);
        assertThat(live.offices().byId("xa-x")).isEmpty();
        assertThat(live.offices().byId("xa-y")).isEmpty();
        assertThat(live.procedures().versions("2.000884").get(0).validUntil()).isEmpty();
        assertThat(Desk.body(desk.get(WARD, Role.ADMIN, "/"))).contains("nav-admin-offices", "nav-admin-procedures");
    }

    @Test
    void aWardAdministratorReadsTheDirectoryAndTheCatalogueButOnlyTheProvinceChangesThem() throws Exception {
        var ward = desk.as(WARD, Role.ADMIN);
        assertThat(status(desk.mvc().perform(get("/api/admin/offices").with(ward)).andReturn())).isEqualTo(200);
        assertThat(status(desk.mvc().perform(get("/api/admin/procedures/export").with(ward)).andReturn())).isEqualTo(200);
        byte[] before = desk.mvc().perform(get("/api/admin/procedures/export").with(ward)).andReturn().getResponse()
                .getContentAsByteArray();
        List<MvcResult> refused = List.of(
                desk.mvc().perform(post("/api/admin/offices").contentType(MediaType.APPLICATION_JSON)
                        .content(officeJson("xa-w", "000.00.92.H21", "COMMUNE", "gia-lai", null, null))
                        .header("Accept-Language", "en").with(ward).with(csrf())).andReturn(),
                desk.mvc().perform(put("/api/admin/offices/{id}", WARD).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"nameVi\":\"x\"}").header("Accept-Language", "en").with(ward).with(csrf()))
                        .andReturn(),
                desk.mvc().perform(post("/api/admin/procedures/2.000884/retire").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"validUntil\":\"" + today().plusDays(1) + "\"}").header("Accept-Language", "en")
                        .with(ward).with(csrf())).andReturn(),
                desk.mvc().perform(post("/api/admin/procedures/import").contentType(MediaType.APPLICATION_JSON)
                        .content(before).header("Accept-Language", "en").with(ward).with(csrf())).andReturn());
        for (MvcResult r : refused) {
            assertThat(status(r)).as(Desk.body(r)).isEqualTo(403);
            assertThat(Desk.<String>read(r, "$.key")).isEqualTo("admin.catalogue.error.province");
            assertThat(Desk.<String>read(r, "$.vi")).contains("cấp tỉnh");
        }
        assertThat(live.offices().byId("xa-w")).isEmpty();
        assertThat(live.offices().byId(WARD).orElseThrow().nameVi()).isNotEqualTo("x");
        assertThat(desk.mvc().perform(get("/api/admin/procedures/export").with(ward)).andReturn().getResponse()
                .getContentAsByteArray()).isEqualTo(before);
    }

    @Test
    void thePagesListCreateEditVersionRetireAndImport() throws Exception {
        MvcResult page = desk.mvc().perform(get("/admin/offices").header("Accept-Language", "vi")
                .with(desk.as(PROVINCE, Role.ADMIN))).andReturn();
        assertThat(status(page)).isEqualTo(200);
        assertThat(Desk.body(page)).contains("id=\"office-tree\"", "data-office=\"gia-lai\"", "Đoàn Kết",
                "office-create-form");
        MvcResult create = desk.mvc().perform(post("/admin/offices").param("id", "xa-trang").param("agencyCode",
                        "000.00.95.H21").param("level", "COMMUNE").param("parentId", "gia-lai")
                .param("nameVi", "Ủy ban nhân dân xã Trang").param("nameEn", "People's Committee of Trang Commune")
                .param("validFrom", "").param("validUntil", "")
                .with(desk.as(PROVINCE, Role.ADMIN)).with(csrf())).andReturn();
        assertThat(status(create)).isEqualTo(302);
        assertThat(create.getFlashMap().get("saved")).isEqualTo(true);
        assertThat(live.offices().byId("xa-trang")).isPresent();
        MvcResult bad = desk.mvc().perform(post("/admin/offices").param("id", "xa-trang-2").param("agencyCode", "bad")
                .param("level", "COMMUNE").param("parentId", "gia-lai").param("nameVi", "a").param("nameEn", "b")
                .header("Accept-Language", "vi").with(desk.as(PROVINCE, Role.ADMIN)).with(csrf())).andReturn();
        assertThat((String) bad.getFlashMap().get("error")).contains("Mã định danh \"bad\" không hợp lệ");
        MvcResult edit = desk.mvc().perform(post("/admin/offices/xa-trang").param("nameVi", "Ủy ban nhân dân xã Trang Mới")
                .param("nameEn", "People's Committee of Trang Commune").param("parentId", "gia-lai")
                .param("validFrom", "").param("validUntil", today().plusDays(30).toString())
                .with(desk.as(PROVINCE, Role.ADMIN)).with(csrf())).andReturn();
        assertThat(edit.getFlashMap().get("saved")).isEqualTo(true);
        assertThat(live.offices().byId("xa-trang").orElseThrow().nameVi()).isEqualTo("Ủy ban nhân dân xã Trang Mới");
        assertThat(Desk.body(desk.get(WARD, Role.ADMIN, "/admin/offices?edit=xa-trang"))).contains("office-edit-form",
                today().plusDays(30).toString());

        String code = "9.900004";
        MvcResult imported = desk.mvc().perform(multipart("/admin/procedures/import").file(new MockMultipartFile("file",
                        "catalogue.json", "application/json", procedureFile(code, 3).getBytes(StandardCharsets.UTF_8)))
                .with(desk.as(PROVINCE, Role.ADMIN)).with(csrf())).andReturn();
        assertThat(imported.getFlashMap().get("imported")).isEqualTo(new ProcedureAdmin.ImportResult(1, 0, 0));
        MvcResult form = desk.get(WARD, Role.ADMIN, "/admin/procedures?code=" + code);
        assertThat(Desk.body(form)).contains("version-form", "retire-form", "data-procedure=\"" + code + " v1\"");
        Map<String, String> fields = Map.of("nameVi", "Chứng thực (mới)", "nameEn", "Certification (new)",
                "timeAmount", "abc", "timeUnit", "WORKING_DAYS", "feeAmount", "", "feeVi", "Miễn phí", "feeEn", "Free",
                "onlineLevel", "FULL", "receptionLevel", "COMMUNE", "validFrom", today().plusDays(2).toString());
        var post = post("/admin/procedures/{c}/versions", code);
        fields.forEach(post::param);
        MvcResult wrong = desk.mvc().perform(post.with(desk.as(PROVINCE, Role.ADMIN)).with(csrf())).andReturn();
        @SuppressWarnings("unchecked")
        List<String> lines = (List<String>) wrong.getFlashMap().get("problems");
        assertThat(lines).contains("$.timeLimit.amount: Sai kiểu dữ liệu: cần integer.");
        var good = post("/admin/procedures/{c}/versions", code);
        fields.forEach((k, v) -> good.param(k, k.equals("timeAmount") ? "5" : v));
        var flash = desk.mvc().perform(good.with(desk.as(PROVINCE, Role.ADMIN)).with(csrf())).andReturn().getFlashMap();
        assertThat(flash.get("saved")).as(String.valueOf(flash)).isEqualTo(true);
        Procedure v2 = live.procedures().version(code, 2).orElseThrow();
        assertThat(v2.timeLimit().amount()).isEqualTo(5);
        assertThat(v2.onlineLevel().name()).isEqualTo("FULL");
        assertThat(v2.fee().amountVnd()).isEmpty();
        assertThat(v2.components()).isEqualTo(live.procedures().version(code, 1).orElseThrow().components());
        assertThat(live.procedures().version(code, 1).orElseThrow().validUntil()).contains(today().plusDays(1));
        assertThat(desk.mvc().perform(post("/admin/procedures/{c}/retire", code).param("version", "2")
                        .param("validUntil", today().plusDays(9).toString()).with(desk.as(PROVINCE, Role.ADMIN)).with(csrf()))
                .andReturn().getFlashMap().get("saved")).isEqualTo(true);
        assertThat(live.procedures().version(code, 2).orElseThrow().validUntil()).contains(today().plusDays(9));
        assertThat(Desk.body(desk.get(WARD, Role.ADMIN, "/admin/procedures"))).contains("data-procedure=\"" + code + " v2\"");
        MvcResult unknown = desk.get(WARD, Role.ADMIN, "/admin/procedures?code=9.999999");
        assertThat(status(unknown)).isEqualTo(404);
        assertThat(Desk.body(unknown)).contains("Không có thủ tục &quot;9.999999&quot;");
        assertThat(status(desk.get(WARD, Role.ADMIN, "/admin/offices?edit=nowhere"))).isEqualTo(404);
    }
}
