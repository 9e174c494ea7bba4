package vn.motcua.server.alfresco;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import vn.motcua.domain.office.Role;
import vn.motcua.server.Desk;
import vn.motcua.server.TestClockConfiguration;
import vn.motcua.server.store.ContentStore;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.jms.listener.DefaultMessageListenerContainer;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.server.security.DeskUser;
import vn.motcua.server.security.UserDirectory;
import vn.motcua.domain.dossier.Action;
import vn.motcua.domain.dossier.ActionType;
import vn.motcua.domain.dossier.DossierState;
import vn.motcua.domain.dossier.HistoryEntry;
import vn.motcua.domain.office.Actor;
import vn.motcua.server.dossier.DossierService;
import vn.motcua.server.dossier.StoredDossier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static vn.motcua.domain.office.Role.ARCHIVIST;
import static vn.motcua.domain.office.Role.LEADER;
import static vn.motcua.domain.office.Role.RECEPTION;
import static vn.motcua.domain.office.Role.SPECIALIST;

/**
 * The Alfresco mode end to end against the spec-validating stub: provisioning, dossier folders, uploads, forwarding,
 * sending back, archiving, and the outbox catching up after Alfresco was down. The outbox worker's own schedule is set to
 * an hour so that the tests run rounds themselves, deterministically.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
        "motcua.store=alfresco",
        "motcua.database.data-dir=target/test-postgres-alfresco",
        "motcua.store.root=target/test-content-alfresco",
        "content.service.security.basicAuth.username=" + AlfrescoStub.ADMIN,
        "content.service.security.basicAuth.password=" + AlfrescoStub.ADMIN_PASSWORD,
        "motcua.alfresco.outbox.poll-millis=3600000",
        "motcua.alfresco.outbox.first-retry-millis=1",
        "motcua.alfresco.outbox.max-retry-millis=1",
        "motcua.alfresco.connect-timeout-millis=500"})
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
@ActiveProfiles({"test", "demo"})
class AlfrescoModeTest {

    static final String WARD = "phuong-ayun-pa";
    static final String PROVINCE_LAND = "gia-lai-land";
    static final AlfrescoStub STUB = startStub();
    static final EventBroker BROKER = EventBroker.start();

    @Autowired
    Desk desk;
    @Autowired
    OutboxWorker worker;
    @Autowired
    AlfrescoOutbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    vn.motcua.server.office.LiveCatalogue catalogue;
    @Autowired
    ContentStore store;
    @Autowired
    MockMvc mvc;
    @Autowired
    AlfrescoLogin login;
    @Autowired
    DefaultMessageListenerContainer listener;
    @Autowired
    DossierService dossierService;
    @Autowired
    UserDirectory users;

    private static AlfrescoStub startStub() {
        try {
            return AlfrescoStub.start().orElse(null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void alfresco(DynamicPropertyRegistry registry) {
        // Without the reference specs no stub runs; the context still starts (Alfresco unreachable) and the tests skip.
        registry.add("content.service.url", () -> STUB == null ? "http://127.0.0.1:9" : STUB.url());
        registry.add("spring.activemq.broker-url", BROKER::url);
        registry.add("motcua.alfresco.events.queue", () -> EventBroker.QUEUE);
    }

    @AfterAll
    static void stopStub() {
        if (STUB != null) {
            STUB.close();
        }
        BROKER.close();
    }

    @BeforeEach
    void needsTheStub() throws IOException {
        assumeTrue(STUB != null, "reference specs absent");
        STUB.up();
    }

    /** Runs outbox rounds until nothing is pending (bounded). */
    private void catchUp() {
        for (int i = 0; i < 20 && (i == 0 || outbox.backlog().pending() > 0); i++) {
            worker.round();
        }
        assertThat(outbox.backlog().pending()).as("outbox backlog: " + outbox.backlog()).isZero();
    }

    private AlfrescoStub.StubNode folderOf(String code) {
        List<AlfrescoStub.StubNode> found = STUB.nodes.values().stream().filter(n -> n.name.equals(code)).toList();
        assertThat(found).as("exactly one folder for " + code).hasSize(1);
        return found.get(0);
    }

    private String code(long id) throws Exception {
        return Desk.read(desk.get(WARD, RECEPTION, "/api/dossiers/{id}", id), "$.code");
    }

    @Test
    void everyOfficeGetsASiteWithRoleGroupsAndTheThreeFolders() {
        catchUp();
        for (var office : catalogue.offices().validOn(LocalDate.now(vn.motcua.domain.calendar.WorkingCalendar.ZONE))) {
            String site = "mc-" + office.id();
            assertThat(STUB.sites).containsKey(site);
            String library = STUB.sites.get(site);
            assertThat(STUB.children(library)).extracting(n -> n.name)
                    .containsExactlyInAnyOrder("Tiếp nhận", "Đang xử lý", "Lưu trữ");
            for (Role role : Role.values()) {
                assertThat(STUB.siteGroups.get(site)).containsKey("GROUP_MC_" + office.id() + "_" + role.name());
            }
            assertThat(STUB.siteGroups.get(site).get("GROUP_MC_" + office.id() + "_RECEPTION")).isEqualTo("SiteContributor");
            assertThat(STUB.siteGroups.get(site).get("GROUP_MC_" + office.id() + "_ARCHIVIST")).isEqualTo("SiteManager");
        }
        assertThat(STUB.violations()).isEmpty();
    }

    @Test
    void aReceivedDossierBecomesATypedFolderWithItsDocuments() throws Exception {
        long id = desk.receiveAccepted(WARD, "1.001193", "declaration", "birth-certificate");
        catchUp();
        String code = code(id);
        AlfrescoStub.StubNode folder = folderOf(code);
        assertThat(folder.nodeType).isEqualTo("mc:dossier");
        assertThat(STUB.sitePath(folder)).isEqualTo("mc-" + WARD + "/Tiếp nhận/" + code);
        assertThat(folder.properties).containsEntry("mc:dossierCode", code).containsEntry("mc:status", "RECEIVED")
                .containsEntry("mc:channel", "COUNTER").containsEntry("mc:procedureCode", "1.001193")
                .containsEntry("mc:applicantName", "Nguyễn Văn An").containsEntry("mc:currentLevel", "COMMUNE")
                .containsEntry("mc:archiveState", "ACTIVE").containsKeys("mc:receivedAt", "mc:dueAt", "mc:deadlineState");
        List<AlfrescoStub.StubNode> files = STUB.children(folder.id);
        assertThat(files).extracting(n -> n.name).containsExactlyInAnyOrder("declaration.pdf", "birth-certificate.pdf");
        assertThat(files).allSatisfy(f -> {
            assertThat(f.nodeType).isEqualTo("mc:dossierDocument");
            assertThat(f.content).isEqualTo(Desk.PDF);
            assertThat(f.properties).containsEntry("mc:componentRole", "EVIDENCE").containsKey("mc:componentName");
        });
        assertThat(STUB.violations()).isEmpty();

        // Running the outbox again changes nothing and calls nothing that writes.
        int calls = STUB.calls().size();
        catchUp();
        assertThat(STUB.calls().subList(calls, STUB.calls().size())).noneMatch(c -> c.startsWith("POST") || c.startsWith("PUT"));
    }

    @Test
    void forwardingMovesTheFolderIntoTheReceivingSiteAndSendingBackMovesItHome() throws Exception {
        long id = desk.receiveAccepted(WARD, "1.004227", "application", "contract", "certificate", "tax-declaration");
        catchUp();
        String code = code(id);
        desk.ok(WARD, RECEPTION, id, "forward", Desk.json(Map.of("toOfficeId", PROVINCE_LAND, "note", "Liên thông")));
        catchUp();
        AlfrescoStub.StubNode folder = folderOf(code);
        assertThat(STUB.sitePath(folder)).isEqualTo("mc-" + PROVINCE_LAND + "/Đang xử lý/" + code);
        assertThat(folder.aspects).contains("mc:interconnected");
        assertThat(folder.properties).containsEntry("mc:status", "FORWARDED")
                .containsEntry("mc:fromOfficeCode", "000.00.41.H21").containsEntry("mc:toOfficeCode", "000.00.31.H21")
                .containsKey("mc:forwardedAt").doesNotContainKey("mc:returnedAt");
        assertThat(STUB.children(folder.id)).hasSize(4).as("documents travel with the folder");

        desk.ok(PROVINCE_LAND, SPECIALIST, id, "accept-forwarded", null);
        desk.ok(PROVINCE_LAND, SPECIALIST, id, "submit-for-approval", null);
        desk.ok(PROVINCE_LAND, LEADER, id, "approve", null);
        desk.ok(PROVINCE_LAND, LEADER, id, "sign-result", null);
        desk.ok(PROVINCE_LAND, SPECIALIST, id, "send-back", null);
        catchUp();
        folder = folderOf(code);
        assertThat(STUB.sitePath(folder)).isEqualTo("mc-" + WARD + "/Đang xử lý/" + code);
        assertThat(folder.properties).containsKey("mc:returnedAt").containsEntry("mc:resultCode", code + "-KQ1")
                .containsEntry("mc:competentOfficeCode", "000.00.31.H21").containsKey("mc:resolvedAt");

        desk.ok(WARD, RECEPTION, id, "receive-back", null);
        desk.ok(WARD, RECEPTION, id, "return-result", "{\"channel\":\"POST\"}");
        desk.ok(WARD, ARCHIVIST, id, "archive", null);
        catchUp();
        folder = folderOf(code);
        assertThat(STUB.sitePath(folder)).isEqualTo("mc-" + WARD + "/Lưu trữ/" + code);
        assertThat(folder.aspects).contains("mc:archived", "mc:interconnected");
        assertThat(folder.properties).containsEntry("mc:status", "ARCHIVED").containsEntry("mc:archiveState", "ARCHIVED")
                .containsEntry("mc:deadlineState", "CLOSED").containsKeys("mc:archivedAt", "mc:archiveRetention");
        assertThat(STUB.violations()).isEmpty();
    }

    @Test
    void receptionWorksWhileAlfrescoIsDownAndTheOutboxCatchesUpWithoutDuplicates() throws Exception {
        catchUp();
        STUB.down();
        long[] ids = new long[3];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = desk.receiveAccepted(WARD, "1.001193", "declaration", "birth-certificate");
        }
        worker.round();
        worker.round();
        AlfrescoOutbox.Backlog backlog = outbox.backlog();
        assertThat(backlog.pending()).isGreaterThanOrEqualTo(9);
        assertThat(backlog.failing()).isGreaterThanOrEqualTo(1);
        assertThat(backlog.failures()).allSatisfy(f -> assertThat(f.lastError()).isNotBlank());

        MvcResult api = desk.get(WARD, Role.ADMIN, "/api/alfresco/outbox");
        assertThat(api.getResponse().getStatus()).isEqualTo(200);
        assertThat(Desk.<Integer>read(api, "$.pending")).isGreaterThanOrEqualTo(9);
        assertThat(desk.get(WARD, RECEPTION, "/api/alfresco/outbox").getResponse().getStatus()).isEqualTo(403);

        // The desk still serves the documents from the local copy.
        String sha = jdbc.sql("select sha256 from document where dossier_id = ? limit 1").param(ids[0]).query(String.class)
                .single();
        try (InputStream in = store.open(sha)) {
            assertThat(in.readAllBytes()).isEqualTo(Desk.PDF);
        }

        STUB.up();
        catchUp();
        for (long id : ids) {
            AlfrescoStub.StubNode folder = folderOf(code(id));
            assertThat(STUB.children(folder.id)).extracting(n -> n.name).containsExactlyInAnyOrder("declaration.pdf",
                    "birth-certificate.pdf");
        }
        assertThat(STUB.violations()).isEmpty();
    }

    @Test
    void officersSignInWithTheirAlfrescoAccountAndTheirGroupsGiveOfficeAndRoles() throws Exception {
        STUB.addUser("lan", "pw-lan", "GROUP_EVERYONE", "GROUP_MC_" + WARD + "_RECEPTION", "GROUP_MC_" + WARD + "_SPECIALIST");
        STUB.addUser("khach", "pw", "GROUP_EVERYONE");
        STUB.addUser("hai-noi", "pw", "GROUP_MC_" + WARD + "_RECEPTION", "GROUP_MC_" + PROVINCE_LAND + "_RECEPTION");
        mvc.perform(formLogin().user("lan").password("pw-lan")).andExpect(authenticated().withAuthentication(a -> {
            DeskUser user = (DeskUser) a.getPrincipal();
            assertThat(user.officeId()).isEqualTo(WARD);
            assertThat(user.roles()).containsExactlyInAnyOrder(RECEPTION, SPECIALIST);
        }));
        mvc.perform(formLogin().user("lan").password("wrong")).andExpect(unauthenticated());
        mvc.perform(formLogin().user("khach").password("pw")).andExpect(unauthenticated());
        mvc.perform(formLogin().user("hai-noi").password("pw")).andExpect(unauthenticated());
        assertThat(jdbc.sql("select role from app_user_role where username = 'lan'").query(String.class).list())
                .containsExactlyInAnyOrder("RECEPTION", "SPECIALIST");
        assertThat(STUB.violations()).isEmpty();
    }

    @Test
    void aDocumentWhoseLocalCopyIsGoneIsReadFromAlfrescoWithTheOfficersTicket() throws Exception {
        long id = desk.receiveAccepted(WARD, "1.001193", "declaration", "birth-certificate");
        catchUp();
        String sha = jdbc.sql("select sha256 from document where dossier_id = ? limit 1").param(id).query(String.class)
                .single();
        Path local = Path.of("target/test-content-alfresco", sha.substring(0, 2), sha.substring(2, 4), sha);
        assertThat(local).exists();
        Files.delete(local);
        STUB.addUser("mai", "pw-mai", "GROUP_MC_" + WARD + "_SPECIALIST");
        SecurityContextHolder.getContext().setAuthentication(
                login.authenticate(new UsernamePasswordAuthenticationToken("mai", "pw-mai")));
        try (InputStream in = store.open(sha)) {
            assertThat(in.readAllBytes()).isEqualTo(Desk.PDF);
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(STUB.calls()).anyMatch(c -> c.startsWith("GET ") && c.endsWith("/content by mai"));
        assertThat(local).as("the local copy is restored").exists();
        assertThat(STUB.violations()).isEmpty();
    }

    /** Waits (bounded) until the dossier has {@code expected} documents. */
    private List<String> documentsOf(long dossierId, int expected) throws InterruptedException {
        List<String> names = List.of();
        for (int i = 0; i < 100; i++) {
            names = jdbc.sql("select file_name from document where dossier_id = ? order by id").param(dossierId)
                    .query(String.class).list();
            if (names.size() >= expected) {
                break;
            }
            Thread.sleep(100);
        }
        return names;
    }

    /** A file added to the dossier folder "from Share": a node in the stub, as Alfresco would have it. */
    private AlfrescoStub.StubNode shareUpload(AlfrescoStub.StubNode folder, String name, byte[] bytes) {
        AlfrescoStub.StubNode file = new AlfrescoStub.StubNode(name, "cm:content", folder.id, false, "lan");
        file.content = bytes;
        file.mimeType = "application/pdf";
        STUB.nodes.put(file.id, file);
        return file;
    }

    @Test
    void aFileAddedInShareIsAttachedOnceWhateverTheDuplicatesAndTheOrder() throws Exception {
        assumeTrue(EventBroker.samplesPresent(), "sample events absent");
        long id = desk.receiveAccepted(WARD, "1.001193", "declaration", "birth-certificate");
        catchUp();
        AlfrescoStub.StubNode folder = folderOf(code(id));
        byte[] scan = "%PDF-1.7\n% scanned at the desk of the ward\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        AlfrescoStub.StubNode file = shareUpload(folder, "bien-ban.pdf", scan);

        // Out of order: the update (content changed, 12:00:05) arrives before the creation (12:00:00), and twice.
        String updated = EventBroker.nodeEvent("NodeUpdatedEvent.json", file.id, file.name, folder.id,
                "2026-11-23T12:00:05Z", true);
        BROKER.publish(updated);
        BROKER.publish(updated);
        BROKER.publish(EventBroker.nodeEvent("NodeCreatedEvent.json", file.id, file.name, folder.id,
                "2026-11-23T12:00:00Z", false));
        // A property-only change later, and a file outside any dossier folder.
        BROKER.publish(EventBroker.nodeEvent("NodeUpdatedEvent.json", file.id, file.name, folder.id,
                "2026-11-23T12:00:09Z", false));
        BROKER.publish(EventBroker.nodeEvent("NodeCreatedEvent.json", "elsewhere-node", "x.pdf", "some-other-folder",
                "2026-11-23T12:00:00Z", false));

        assertThat(documentsOf(id, 3)).containsExactly("declaration.pdf", "birth-certificate.pdf", "bien-ban.pdf");
        Thread.sleep(1500);
        assertThat(documentsOf(id, 3)).as("nothing attached twice").hasSize(3);
        assertThat(jdbc.sql("select count(*) from alfresco_event").query(Integer.class).single()).isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'document.ALFRESCO' and target = ?")
                .param(code(id)).query(Integer.class).single()).isEqualTo(1);

        // One line in the dossier's history (Form 05), nothing else changed. The sample's user (jane.doe) is no officer
        // of the ward: the service account signs it, in the ward's name, and the note says so.
        List<Map<String, Object>> attached = attachments(id, 1);
        assertThat(attached).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("user_id", AlfrescoStub.ADMIN)
                    .containsEntry("role", RepositoryEvents.SERVICE_ROLE.name())
                    .containsEntry("office_id", WARD).containsEntry("held_by", WARD)
                    .containsEntry("from_state", "RECEIVED").containsEntry("to_state", "RECEIVED");
            assertThat(e.get("verdict")).isNull();
            assertThat((String) e.get("note")).contains("bien-ban.pdf", "jane.doe", "tài khoản dịch vụ");
        });
        MvcResult view = desk.get(WARD, RECEPTION, "/api/dossiers/{id}", id);
        assertThat((String) Desk.read(view, "$.state")).isEqualTo("RECEIVED");
        assertThat((Integer) Desk.read(view, "$.version")).isEqualTo(2);
        // not offered at the desk, and not taken if asked for
        List<String> offered = Desk.read(view, "$.allowedActions");
        assertThat(offered).contains("TRANSFER_TO_PROCESSING").doesNotContain("ATTACH_DOCUMENT");
        assertThat(desk.act(WARD, SPECIALIST, id, "attach-document", "{\"note\": \"x.pdf\"}").getResponse().getStatus())
                .isEqualTo(404);
        assertThat(attachments(id, 1)).hasSize(1);

        // The outbox knows the file is already in Alfresco: no second copy is uploaded.
        catchUp();
        assertThat(STUB.children(folder.id)).extracting(n -> n.name)
                .containsExactlyInAnyOrder("declaration.pdf", "birth-certificate.pdf", "bien-ban.pdf");
        assertThat(STUB.violations()).isEmpty();
    }

    @Test
    void aFileAddedInShareByAnOfficerOfTheHoldingOfficeIsInTheHistoryInTheirName() throws Exception {
        assumeTrue(EventBroker.samplesPresent(), "sample events absent");
        STUB.addUser("share-thu", "pw-thu", "GROUP_EVERYONE", "GROUP_MC_" + WARD + "_SPECIALIST");
        long id = desk.receiveAccepted(WARD, "1.001193", "declaration", "birth-certificate");
        catchUp();
        AlfrescoStub.StubNode folder = folderOf(code(id));
        AlfrescoStub.StubNode file = shareUpload(folder, "to-trinh.pdf", Desk.PDF);
        BROKER.publish(EventBroker.nodeEvent("NodeCreatedEvent.json", file.id, file.name, folder.id,
                "2026-11-23T14:00:00Z", false, "share-thu"));

        List<Map<String, Object>> attached = attachments(id, 1);
        assertThat(attached).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("user_id", "share-thu").containsEntry("role", "SPECIALIST")
                    .containsEntry("office_id", WARD);
            assertThat((String) e.get("note")).contains("to-trinh.pdf", "share-thu")
                    .doesNotContain("tài khoản dịch vụ");
        });
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'dossier.ATTACH_DOCUMENT' and target = ?")
                .param(code(id)).query(Integer.class).single()).isEqualTo(1);
        assertThat(STUB.violations()).isEmpty();
    }

    @Test
    void aDossierMovedByAnOfficerMeanwhileIsReadAgainOnceAndAConstantlyMovingOneIsLeftAlone() throws Exception {
        long id = desk.receiveAccepted(WARD, "1.001193", "declaration", "birth-certificate");
        DeskUser reception = (DeskUser) users.loadUserByUsername(vn.motcua.server.demo.DemoData.username(WARD, RECEPTION));
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        // between reading the dossier and saving the history line, the officer hands it over to processing
        Optional<StoredDossier> saved = dossierService.recordAttachment(id, d -> {
            if (calls.getAndIncrement() == 0) {
                dossierService.act(reception, id, Optional.empty(), new Action.TransferToProcessing(""), Optional.empty());
            }
            return new DossierService.Attribution(new Actor("share-user", SPECIALIST, d.currentOfficeId()), "x.pdf");
        });
        assertThat(calls).hasValue(2);
        assertThat(saved).get().satisfies(s -> {
            assertThat(s.dossier().version()).isEqualTo(3);
            assertThat(s.dossier().state()).isEqualTo(DossierState.IN_PROCESSING);
            assertThat(s.dossier().history()).extracting(HistoryEntry::action).containsExactly(ActionType.RECEIVE,
                    ActionType.TRANSFER_TO_PROCESSING, ActionType.ATTACH_DOCUMENT);
        });

        // moved again on the retry: given up, nothing of the attachment saved, the officer's actions kept
        long other = desk.receiveAccepted(WARD, "1.001193", "declaration", "birth-certificate");
        List<Action> moves = new java.util.ArrayList<>(List.of(new Action.TransferToProcessing(""),
                new Action.SubmitForApproval("")));
        DeskUser specialist = (DeskUser) users.loadUserByUsername(vn.motcua.server.demo.DemoData.username(WARD, SPECIALIST));
        assertThat(dossierService.recordAttachment(other, d -> {
            Action next = moves.remove(0);
            dossierService.act(next instanceof Action.TransferToProcessing ? reception : specialist, other,
                    Optional.empty(), next, Optional.empty());
            return new DossierService.Attribution(new Actor("share-user", SPECIALIST, d.currentOfficeId()), "y.pdf");
        })).isEmpty();
        assertThat(jdbc.sql("select action from dossier_history where dossier_id = ? order by sequence").param(other)
                .query(String.class).list()).containsExactly("RECEIVE", "TRANSFER_TO_PROCESSING", "SUBMIT_FOR_APPROVAL");

        // a closed dossier gets no history line (the document itself is kept by the caller)
        dossierService.act(reception, other, Optional.empty(), new Action.Withdraw("rút hồ sơ"), Optional.empty());
        assertThat(dossierService.recordAttachment(other, d -> new DossierService.Attribution(
                new Actor("share-user", SPECIALIST, d.currentOfficeId()), "z.pdf"))).isEmpty();
    }

    /** The ATTACH_DOCUMENT lines of a dossier's history, waiting (bounded) for the listener to add them. */
    private List<Map<String, Object>> attachments(long dossierId, int expected) throws InterruptedException {
        List<Map<String, Object>> rows = List.of();
        for (int i = 0; i < 100; i++) {
            rows = jdbc.sql("select * from dossier_history where dossier_id = ? and action = 'ATTACH_DOCUMENT' order by sequence")
                    .param(dossierId).query().listOfRows();
            if (rows.size() >= expected) {
                break;
            }
            Thread.sleep(100);
        }
        return rows;
    }

    @Test
    void eventsPublishedWhileTheServerIsNotListeningAreAppliedWhenItListensAgain() throws Exception {
        assumeTrue(EventBroker.samplesPresent(), "sample events absent");
        long id = desk.receiveAccepted(WARD, "1.001193", "declaration", "birth-certificate");
        catchUp();
        AlfrescoStub.StubNode folder = folderOf(code(id));
        AlfrescoStub.StubNode file = shareUpload(folder, "giay-uy-quyen.pdf", Desk.PDF);
        listener.stop();
        try {
            BROKER.publish(EventBroker.nodeEvent("NodeCreatedEvent.json", file.id, file.name, folder.id,
                    "2026-11-23T13:00:00Z", false));
            Thread.sleep(500);
            assertThat(documentsOf(id, 0)).hasSize(2);
        } finally {
            listener.start();
        }
        assertThat(documentsOf(id, 3)).contains("giay-uy-quyen.pdf");
    }

    @Test
    void aCrashAfterAlfrescoAcceptedAWriteDoesNotDuplicateIt() throws Exception {
        long id = desk.receiveAccepted(WARD, "1.001193", "declaration", "birth-certificate");
        catchUp();
        // Forget what was mirrored, as if the server died after Alfresco answered but before it recorded the answer.
        jdbc.sql("delete from alfresco_document_node where document_id in (select id from document where dossier_id = ?)")
                .param(id).update();
        jdbc.sql("delete from alfresco_dossier_node where dossier_id = ?").param(id).update();
        jdbc.sql("update alfresco_outbox set done_at = null where dossier_id = ?").param(id).update();
        catchUp();
        AlfrescoStub.StubNode folder = folderOf(code(id));
        assertThat(STUB.children(folder.id)).hasSize(2);
        assertThat(STUB.violations()).isEmpty();
    }

    // ---- the metadata T-Engine ------------------------------------------------------------------------------------

    private static final String MC_NS = "{http://www.motcua.vn/model/motcua/1.0}";
    private static final String CM_NS = "{http://www.alfresco.org/model/content/1.0}";

    @Test
    void theTransformConfigHasTheEngineShapeAndBeatsTika() throws Exception {
        MvcResult r = mvc.perform(get("/transform/config").param("configVersion", "2")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        Map<String, Object> config = Desk.read(r, "$");
        Path sample = SwaggerContract.sharedDir().resolve("alfresco/transform/hello_engine_config.json");
        if (Files.exists(sample)) {
            Map<String, Object> hello = com.jayway.jsonpath.JsonPath.read(Files.readString(sample), "$");
            assertThat(config.keySet()).containsExactlyInAnyOrderElementsOf(hello.keySet());
            Map<String, Object> helloTransformer = com.jayway.jsonpath.JsonPath.read(Files.readString(sample), "$.transformers[0]");
            assertThat(Desk.<Map<String, Object>>read(r, "$.transformers[0]").keySet())
                    .containsExactlyInAnyOrderElementsOf(helloTransformer.keySet());
        }
        assertThat(Desk.<String>read(r, "$.transformers[0].transformerName")).isEqualTo("motcua-metadata-extract");
        List<String> sources = Desk.read(r, "$.transformers[0].supportedSourceAndTargetList[*].sourceMediaType");
        assertThat(sources).contains("application/pdf",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/msword");
        assertThat(Desk.<List<String>>read(r, "$.transformers[0].supportedSourceAndTargetList[*].targetMediaType"))
                .containsOnly("alfresco-metadata-extract");
        assertThat(Desk.<List<Integer>>read(r, "$.transformers[0].supportedSourceAndTargetList[*].priority"))
                .as("lower than the stock Tika engine's default 50").allMatch(p -> p < 50);
        for (String option : Desk.<List<String>>read(r, "$.transformers[0].transformOptions")) {
            assertThat(Desk.<List<String>>read(r, "$.transformOptions." + option + "[*].value.name")).isNotEmpty();
        }
        for (String probe : List.of("/ready", "/live", "/version")) {
            assertThat(mvc.perform(get(probe)).andReturn().getResponse().getStatus()).as(probe).isEqualTo(200);
        }
    }

    private MvcResult transform(byte[] file, String name, String sourceMimetype, String targetMimetype) throws Exception {
        var request = multipart("/transform").file(new MockMultipartFile("file", name, sourceMimetype, file))
                .param("sourceMimetype", sourceMimetype).param("sourceExtension", name.substring(name.lastIndexOf('.') + 1))
                .param("targetExtension", "json").param("timeout", "60000").param("sourceEncoding", "UTF-8")
                .param("sourceFilename", name);
        if (targetMimetype != null) {
            request.param("targetMimetype", targetMimetype);
        }
        return mvc.perform(request).andReturn();
    }

    private static byte[] docx(String... paragraphs) throws IOException {
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(); var out = new java.io.ByteArrayOutputStream()) {
            doc.getProperties().getCoreProperties().setTitle("Quyết định cấp phép");
            doc.getProperties().getCoreProperties().setCreator("Phòng Quản lý đô thị");
            for (String p : paragraphs) {
                doc.createParagraph().createRun().setText(p);
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aDocxAnswersWithFullQNamesOfTheHeaderAndTheUsualTitleAndAuthor() throws Exception {
        byte[] file = docx("ỦY BAN NHÂN DÂN", "PHƯỜNG AYUN PA", "Số: 125/QĐ-UBND",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "Ayun Pa, ngày 12 tháng 3 năm 2025", "QUYẾT ĐỊNH", "Về việc cấp giấy phép xây dựng",
                "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG AYUN PA", "Căn cứ Luật Xây dựng;", "QUYẾT ĐỊNH:",
                "Điều 1. Cấp giấy phép xây dựng cho ông Nguyễn Văn An.", "Nơi nhận:", "- Như Điều 1;", "- Lưu: VT.",
                "CHỦ TỊCH", "Nguyễn Văn Bình");
        MvcResult r = transform(file, "qd-125.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "alfresco-metadata-extract");
        assertThat(r.getResponse().getStatus()).as(Desk.body(r)).isEqualTo(200);
        Map<String, Object> p = Desk.read(r, "$");
        assertThat(p.keySet()).allMatch(k -> k.matches("\\{[^}]+}[A-Za-z]+"), "full QName keys");
        assertThat(p).containsEntry(CM_NS + "title", "Quyết định cấp phép")
                .containsEntry(CM_NS + "author", "Phòng Quản lý đô thị")
                .containsEntry(MC_NS + "documentNumber", "125")
                .containsEntry(MC_NS + "issueDate", "2025-03-12")
                .containsEntry(MC_NS + "documentType", "Quyết định")
                .containsEntry(MC_NS + "summary", "Về việc cấp giấy phép xây dựng")
                .containsEntry(MC_NS + "signerName", "Nguyễn Văn Bình")
                .containsEntry("{http://www.alfresco.org/model/system/1.0}overwritePolicy", "PRAGMATIC");
        assertThat((String) p.get(MC_NS + "documentSymbol")).contains("QĐ-UBND");
        assertThat(p).doesNotContainKey(MC_NS + "signatureVerdict");
    }

    @Test
    void signedPdfsGetTheSignatureSummary() throws Exception {
        Path corpus = SwaggerContract.sharedDir().resolve("sigcorpus/dss");
        assumeTrue(Files.isDirectory(corpus), "signature corpus absent");
        MvcResult original = transform(Files.readAllBytes(corpus.resolve("pdf-signed-original.pdf")), "signed.pdf",
                "application/pdf", "alfresco-metadata-extract");
        assertThat(original.getResponse().getStatus()).isEqualTo(200);
        Map<String, Object> p = Desk.read(original, "$");
        assertThat((String) p.get(MC_NS + "signatureVerdict")).isIn("VALID", "INDETERMINATE");
        assertThat((String) p.get(MC_NS + "signatureSigner")).isNotBlank();
        assertThat(p).containsEntry(MC_NS + "modifiedAfterSigning", false).containsKeys(MC_NS + "signatureVerifiedAt",
                MC_NS + "verifierVersion", MC_NS + "signatureIssuer");

        Map<String, Object> added = Desk.read(transform(Files.readAllBytes(corpus.resolve("pdf-signed-added-page.pdf")),
                "added.pdf", "application/pdf", "alfresco-metadata-extract"), "$");
        assertThat(added).containsEntry(MC_NS + "modifiedAfterSigning", true);
        Map<String, Object> corrupted = Desk.read(transform(Files.readAllBytes(corpus.resolve("pdf-signed-corrupted.pdf")),
                "corrupted.pdf", "application/pdf", "alfresco-metadata-extract"), "$");
        assertThat(corrupted).containsEntry(MC_NS + "signatureVerdict", "INVALID");
    }

    @Test
    void badTransformRequestsAreAnsweredWithErrorStatuses() throws Exception {
        byte[] docx = docx("Số: 1/QĐ-UBND");
        String type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        assertThat(transform(docx, "a.docx", type, "image/png").getResponse().getStatus()).isEqualTo(400);
        assertThat(transform(docx, "a.docx", type, null).getResponse().getStatus()).isEqualTo(400);
        assertThat(transform(docx, "a.png", "image/png", "alfresco-metadata-extract").getResponse().getStatus())
                .isEqualTo(400);
        assertThat(transform(new byte[0], "a.docx", type, "alfresco-metadata-extract").getResponse().getStatus())
                .isEqualTo(400);
        MvcResult damaged = transform("%PDF-1.7 then nothing".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "x.pdf",
                "application/pdf", "alfresco-metadata-extract");
        assertThat(damaged.getResponse().getStatus()).isBetween(400, 599);
        assertThat(Desk.<String>read(damaged, "$.vi")).isNotBlank();
        assertThat(Desk.<String>read(damaged, "$.en")).isNotBlank();
        MvcResult missing = mvc.perform(multipart("/transform").param("sourceMimetype", type)
                .param("targetMimetype", "alfresco-metadata-extract")).andReturn();
        assertThat(missing.getResponse().getStatus()).isEqualTo(400);
        assertThat(Desk.<String>read(missing, "$.vi")).isNotBlank();
    }

    @Test
    void theEngineIsClosedToOtherNetworks() throws Exception {
        MvcResult r = mvc.perform(get("/transform/config").with(request -> {
            request.setRemoteAddr("203.0.113.7");
            return request;
        })).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(403);
        assertThat(Desk.<String>read(r, "$.key")).isEqualTo("transform.forbidden");
        MvcResult fromDocker = mvc.perform(get("/live").with(request -> {
            request.setRemoteAddr("172.18.0.5");
            return request;
        })).andReturn();
        assertThat(fromDocker.getResponse().getStatus()).isEqualTo(200);
    }
}
