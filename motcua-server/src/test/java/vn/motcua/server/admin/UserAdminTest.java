package vn.motcua.server.admin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.motcua.domain.office.Role;
import vn.motcua.server.Desk;
import vn.motcua.server.ServerTest;
import vn.motcua.server.audit.AuditLog;
import vn.motcua.server.dossier.DeskException;
import vn.motcua.server.office.LiveCatalogue;
import vn.motcua.server.security.DeskUser;
import vn.motcua.server.security.PasswordPolicy;
import vn.motcua.server.security.UserDirectory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Local accounts administration: create and log in, refusals with their messages (vi and en), disable ends open sessions,
 * role and office changes apply without a new login, unlock, self-lockout refused, non-admins and missing CSRF refused,
 * and no password or hash in the audit or the log.
 */
@ServerTest
@ExtendWith(OutputCaptureExtension.class)
class UserAdminTest {

    static final String WARD = "phuong-ayun-pa";
    /** The acting administrator is the province's, whose scope holds the province's communes. */
    static final String PROVINCE = "gia-lai";
    static final String ADMIN = PROVINCE + ".admin";
    static final String PASSWORD = "Gia-Lai-2026-secret";
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    Desk desk;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDirectory directory;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    PasswordPolicy policy;
    @Autowired
    LiveCatalogue catalogue;
    @Autowired
    AuditLog audit;
    @Autowired
    Clock clock;

    static String newUsername() {
        return "usr-test." + SEQ.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
    }

    private MvcResult send(MockHttpServletRequestBuilder request, Role role) throws Exception {
        return desk.mvc().perform(request.header("Accept-Language", "en")
                .with(desk.as(role == Role.ADMIN ? PROVINCE : WARD, role)).with(csrf())).andReturn();
    }

    private MvcResult create(String username, String office, String password, String... roles) throws Exception {
        String json = "{\"username\":\"" + username + "\",\"displayName\":\"Nguyễn Thị Test\",\"officeId\":\"" + office
                + "\",\"password\":\"" + password + "\",\"roles\":[" + String.join(",",
                List.of(roles).stream().map(r -> "\"" + r + "\"").toList()) + "]}";
        return send(post("/api/admin/users").contentType(MediaType.APPLICATION_JSON).content(json), Role.ADMIN);
    }

    private String created(String... roles) throws Exception {
        String username = newUsername();
        MvcResult r = create(username, WARD, PASSWORD, roles);
        assertThat(r.getResponse().getStatus()).as(Desk.body(r)).isEqualTo(201);
        return username;
    }

    private MvcResult login(String username, String password) throws Exception {
        return desk.mvc().perform(formLogin("/login").user(username).password(password)).andReturn();
    }

    private MockHttpSession session(String username) throws Exception {
        MvcResult r = login(username, PASSWORD);
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/");
        return (MockHttpSession) r.getRequest().getSession(false);
    }

    private MvcResult assign(String username, String office, String... roles) throws Exception {
        String json = "{\"officeId\":\"" + office + "\",\"roles\":[" + String.join(",",
                List.of(roles).stream().map(r -> "\"" + r + "\"").toList()) + "]}";
        return send(put("/api/admin/users/{u}", username).contentType(MediaType.APPLICATION_JSON).content(json),
                Role.ADMIN);
    }

    private static void problem(MvcResult r, int status, String key) throws Exception {
        assertThat(r.getResponse().getStatus()).as(Desk.body(r)).isEqualTo(status);
        assertThat(Desk.<String>read(r, "$.key")).isEqualTo(key);
        assertThat(Desk.<String>read(r, "$.vi")).isNotBlank().isNotEqualTo(key);
        assertThat(Desk.<String>read(r, "$.en")).isNotBlank().isNotEqualTo(key).isNotEqualTo(Desk.read(r, "$.vi"));
    }

    @Test
    void aCreatedUserLogsInWithTheRolesAndOfficeGiven() throws Exception {
        String username = newUsername();
        MvcResult r = create(username, "xa-ia-rbol", PASSWORD, "RECEPTION", "SPECIALIST");
        assertThat(r.getResponse().getStatus()).as(Desk.body(r)).isEqualTo(201);
        assertThat(Desk.<String>read(r, "$.officeId")).isEqualTo("xa-ia-rbol");
        assertThat(Desk.<List<String>>read(r, "$.roles")).containsExactlyInAnyOrder("RECEPTION", "SPECIALIST");
        assertThat(Desk.<Boolean>read(r, "$.enabled")).isTrue();
        assertThat(Desk.body(r)).doesNotContain(PASSWORD).doesNotContain("bcrypt");
        assertThat(jdbc.sql("select password_hash from app_user where username = ?").param(username).query(String.class)
                .single()).startsWith("{bcrypt}");

        MockHttpSession session = session(username);
        MvcResult reception = desk.mvc().perform(get("/reception").session(session)).andReturn();
        assertThat(reception.getResponse().getStatus()).isEqualTo(200);

        MvcResult listed = send(get("/api/admin/users").param("office", "xa-ia-rbol").param("q", username.toUpperCase()),
                Role.ADMIN);
        assertThat(Desk.<List<String>>read(listed, "$[*].username")).containsExactly(username);
        assertThat(Desk.<List<String>>read(send(get("/api/admin/users").param("office", WARD).param("q", username),
                Role.ADMIN), "$[*].username")).isEmpty();
        assertThat(Desk.<List<String>>read(send(get("/api/admin/users").param("q", "Thị Test"), Role.ADMIN),
                "$[*].username")).contains(username);
        problem(create(username, WARD, PASSWORD, "LEADER"), 409, "admin.users.error.duplicate");
    }

    @Test
    void wrongUsernamesOfficesAndRoleCombinationsAreRefused() throws Exception {
        String u = newUsername();
        problem(create("Upper.Case", WARD, PASSWORD, "LEADER"), 400, "admin.users.error.username");
        problem(create("ab", WARD, PASSWORD, "LEADER"), 400, "admin.users.error.username");
        problem(create("with space", WARD, PASSWORD, "LEADER"), 400, "admin.users.error.username");
        problem(create("x".repeat(65), WARD, PASSWORD, "LEADER"), 400, "admin.users.error.username");
        problem(create(u, "no-such-office", PASSWORD, "LEADER"), 400, "admin.users.error.office");
        // Đoàn Kết ward was merged on 01/07/2025: it exists for old dossiers but takes no new accounts.
        problem(create(u, "doan-ket", PASSWORD, "LEADER"), 400, "admin.users.error.officeInvalid");
        problem(create(u, WARD, PASSWORD), 400, "admin.users.error.noRole");
        problem(create(u, WARD, PASSWORD, "MAYOR"), 400, "admin.users.error.role");
        problem(create(u, WARD, PASSWORD, "ADMIN", "LEADER"), 400, "admin.users.error.adminAlone");
        assertThat(directory.find(u)).isEmpty();

        String existing = created("SPECIALIST");
        problem(assign(existing, "doan-ket", "SPECIALIST"), 400, "admin.users.error.officeInvalid");
        problem(assign(existing, WARD, "ADMIN", "SPECIALIST"), 400, "admin.users.error.adminAlone");
        problem(assign("usr-test.nobody", WARD, "SPECIALIST"), 404, "admin.users.error.notFound");
        assertThat(directory.find(existing).orElseThrow().roles()).containsExactly(Role.SPECIALIST);
    }

    @Test
    void eachPasswordRuleHasItsMessage() throws Exception {
        String u = newUsername();
        problem(create(u, WARD, "short-pw", "LEADER"), 400, "admin.users.error.passwordShort");
        assertThat(Desk.<String>read(create(u, WARD, "short-pw", "LEADER"), "$.en")).contains("10");
        problem(create(u, WARD, u, "LEADER"), 400, "admin.users.error.passwordUsername");
        problem(create(u, WARD, u.toUpperCase(), "LEADER"), 400, "admin.users.error.passwordUsername");
        problem(create(u, WARD, "Password123", "LEADER"), 400, "admin.users.error.passwordCommon");
        problem(create(u, WARD, "matkhau@123", "LEADER"), 400, "admin.users.error.passwordCommon");
        problem(create(u, WARD, "mật-khẩu-".repeat(8), "LEADER"), 400, "admin.users.error.passwordLong");
        assertThat(directory.find(u)).isEmpty();

        String existing = created("LEADER");
        MvcResult reset = send(put("/api/admin/users/{u}/password", existing).contentType(MediaType.APPLICATION_JSON)
                .content("{\"password\":\"1234567890\"}"), Role.ADMIN);
        problem(reset, 400, "admin.users.error.passwordCommon");
        assertThat(login(existing, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(send(put("/api/admin/users/{u}/password", existing).contentType(MediaType.APPLICATION_JSON)
                .content("{\"password\":\"Another-long-one-7\"}"), Role.ADMIN).getResponse().getStatus()).isEqualTo(204);
        assertThat(login(existing, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(login(existing, "Another-long-one-7").getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void theMinimumLengthIsConfigurable() {
        PasswordPolicy twelve = new PasswordPolicy(12);
        assertThat(twelve.minLength()).isEqualTo(12);
        assertThatThrownBy(() -> twelve.check("someone", "Elevenchars"))
                .isInstanceOfSatisfying(DeskException.class, e -> {
                    assertThat(e.key()).isEqualTo("admin.users.error.passwordShort");
                    assertThat(e.args()).containsExactly(12);
                });
        twelve.check("someone", "Twelve-chars");
        // Characters, not bytes: nine Vietnamese letters (more than ten bytes) are too short.
        assertThatThrownBy(() -> policy.check("someone", "ĐườngHồĐạ")).isInstanceOf(DeskException.class);
        policy.check("someone", "ĐườngHồĐạo");
    }

    @Test
    void disablingEndsTheOpenSessionAndTheLogin() throws Exception {
        String username = created("SPECIALIST");
        MockHttpSession session = session(username);
        assertThat(desk.mvc().perform(get("/").session(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(desk.mvc().perform(get("/api/dossiers").session(session)).andReturn().getResponse().getStatus())
                .isEqualTo(200);

        MvcResult disabled = send(post("/api/admin/users/{u}/disable", username), Role.ADMIN);
        assertThat(Desk.<Boolean>read(disabled, "$.enabled")).isFalse();

        MvcResult cut = desk.mvc().perform(get("/api/dossiers").session(session)).andReturn();
        assertThat(cut.getResponse().getStatus()).isEqualTo(401);
        assertThat(session.isInvalid()).isTrue();
        assertThat(login(username, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/login?error");

        send(post("/api/admin/users/{u}/enable", username), Role.ADMIN);
        MockHttpSession again = session(username);
        assertThat(desk.mvc().perform(get("/").session(again)).andReturn().getResponse().getStatus()).isEqualTo(200);
        send(post("/api/admin/users/{u}/disable", username), Role.ADMIN);
        MvcResult page = desk.mvc().perform(get("/").session(again)).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(302);
        assertThat(page.getResponse().getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void aPasswordResetEndsTheSessionsOpenedBefore() throws Exception {
        String username = created("SPECIALIST");
        MockHttpSession before = session(username);
        MockHttpSession other = session(username);
        assertThat(desk.mvc().perform(get("/api/dossiers").session(before)).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        assertThat(send(put("/api/admin/users/{u}/password", username).contentType(MediaType.APPLICATION_JSON)
                .content("{\"password\":\"Reset-by-admin-42\"}"), Role.ADMIN).getResponse().getStatus()).isEqualTo(204);
        assertThat(desk.mvc().perform(get("/api/dossiers").session(before)).andReturn().getResponse().getStatus())
                .isEqualTo(401);
        assertThat(desk.mvc().perform(get("/api/dossiers").session(other)).andReturn().getResponse().getStatus())
                .as("a session that made no request since its login").isEqualTo(401);
        MvcResult r = login(username, "Reset-by-admin-42");
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/");
        MockHttpSession after = (MockHttpSession) r.getRequest().getSession(false);
        for (int i = 0; i < 2; i++) {
            assertThat(desk.mvc().perform(get("/api/dossiers").session(after)).andReturn().getResponse().getStatus())
                    .isEqualTo(200);
        }
    }

    @Test
    void roleAndOfficeChangesApplyWithoutANewLogin() throws Exception {
        String username = created("SPECIALIST");
        MockHttpSession session = session(username);
        assertThat(desk.mvc().perform(get("/reception").session(session)).andReturn().getResponse().getStatus())
                .isEqualTo(403);

        MvcResult changed = assign(username, "xa-ia-rbol", "SPECIALIST", "RECEPTION");
        assertThat(changed.getResponse().getStatus()).as(Desk.body(changed)).isEqualTo(200);

        assertThat(desk.mvc().perform(get("/reception").session(session)).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        DeskUser now = (DeskUser) ((SecurityContext) session.getAttribute("SPRING_SECURITY_CONTEXT"))
                .getAuthentication().getPrincipal();
        assertThat(now.officeId()).isEqualTo("xa-ia-rbol");
        assertThat(now.roles()).containsExactlyInAnyOrder(Role.SPECIALIST, Role.RECEPTION);
        assertThat(now.passwordHash()).as("the session keeps no password hash").isEmpty();

        assign(username, "xa-ia-rbol", "SPECIALIST");
        assertThat(desk.mvc().perform(get("/reception").session(session)).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }

    @Test
    void unlockClearsTheLockout() throws Exception {
        String username = created("ARCHIVIST");
        for (int i = 0; i < 3; i++) {
            assertThat(login(username, "wrong-password").getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        }
        assertThat(login(username, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        MvcResult listed = send(get("/api/admin/users/{u}", username), Role.ADMIN);
        assertThat(Desk.<Boolean>read(listed, "$.locked")).isTrue();
        assertThat(Desk.<Integer>read(listed, "$.failedLogins")).isEqualTo(3);

        MvcResult unlocked = send(post("/api/admin/users/{u}/unlock", username), Role.ADMIN);
        assertThat(Desk.<Boolean>read(unlocked, "$.locked")).isFalse();
        assertThat(Desk.<Integer>read(unlocked, "$.failedLogins")).isZero();
        assertThat(login(username, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void anAdministratorCannotLockThemselvesOut() throws Exception {
        problem(assign(ADMIN, WARD, "LEADER"), 409, "admin.users.error.selfAdmin");
        problem(send(post("/api/admin/users/{u}/disable", ADMIN), Role.ADMIN), 409, "admin.users.error.selfDisable");
        DeskUser admin = directory.find(ADMIN).orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(admin.isEnabled()).isTrue();
        // Another administrator may be changed by this one.
        String other = created("ADMIN");
        assertThat(assign(other, WARD, "LEADER").getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void aCommuneAdministratorManagesOnlyTheCommunesAccounts() throws Exception {
        String inOtherCommune = newUsername();
        assertThat(create(inOtherCommune, "xa-ia-rbol", PASSWORD, "LEADER").getResponse().getStatus()).isEqualTo(201);
        String inWard = created("SPECIALIST");
        var wardAdmin = desk.as(WARD, Role.ADMIN);

        List<String> seen = Desk.read(desk.mvc().perform(get("/api/admin/users").with(wardAdmin)).andReturn(),
                "$[*].username");
        assertThat(seen).contains(inWard).doesNotContain(inOtherCommune, ADMIN);
        assertThat(seen).allMatch(u -> directory.find(u).orElseThrow().officeId().equals(WARD));

        // Neither another commune's account nor the province's administrator can be read or changed from the ward.
        for (String target : List.of(inOtherCommune, ADMIN)) {
            problem(desk.mvc().perform(get("/api/admin/users/{u}", target).header("Accept-Language", "en")
                    .with(wardAdmin)).andReturn(), 404, "admin.users.error.notFound");
            problem(desk.mvc().perform(post("/api/admin/users/{u}/disable", target).header("Accept-Language", "en")
                    .with(wardAdmin).with(csrf())).andReturn(), 404, "admin.users.error.notFound");
        }
        assertThat(directory.find(ADMIN).orElseThrow().isEnabled()).isTrue();
        // Nor can the ward create or move an account outside itself (no province administrator made by a ward).
        String json = "{\"username\":\"" + newUsername() + "\",\"displayName\":\"X Y\",\"officeId\":\"" + PROVINCE
                + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"ADMIN\"]}";
        problem(desk.mvc().perform(post("/api/admin/users").contentType(MediaType.APPLICATION_JSON).content(json)
                .header("Accept-Language", "en").with(wardAdmin).with(csrf())).andReturn(), 403,
                "admin.users.error.officeScope");
        problem(desk.mvc().perform(put("/api/admin/users/{u}", inWard).contentType(MediaType.APPLICATION_JSON)
                .content("{\"officeId\":\"xa-ia-rbol\",\"roles\":[\"LEADER\"]}").header("Accept-Language", "en")
                .with(wardAdmin).with(csrf())).andReturn(), 403, "admin.users.error.officeScope");
        assertThat(directory.find(inWard).orElseThrow().officeId()).isEqualTo(WARD);
        // The page offers only the ward itself.
        String page = Desk.body(desk.mvc().perform(get("/admin/users").with(wardAdmin)).andReturn());
        assertThat(page).contains("value=\"" + WARD + "\"").doesNotContain("value=\"xa-ia-rbol\"");
    }

    @Test
    void nonAdministratorsAreRefusedEverywhere() throws Exception {
        String target = created("LEADER");
        String body = "{\"username\":\"usr-test.nope\",\"displayName\":\"X\",\"officeId\":\"" + WARD
                + "\",\"roles\":[\"LEADER\"],\"password\":\"" + PASSWORD + "\"}";
        List<String> wrong = new ArrayList<>();
        for (Role role : List.of(Role.RECEPTION, Role.SPECIALIST, Role.LEADER, Role.ARCHIVIST)) {
            Map<String, MockHttpServletRequestBuilder> requests = new java.util.LinkedHashMap<>();
            requests.put("list", get("/api/admin/users"));
            requests.put("get", get("/api/admin/users/{u}", target));
            requests.put("create", post("/api/admin/users").contentType(MediaType.APPLICATION_JSON).content(body));
            requests.put("assign", put("/api/admin/users/{u}", target).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"officeId\":\"" + WARD + "\",\"roles\":[\"RECEPTION\"]}"));
            requests.put("disable", post("/api/admin/users/{u}/disable", target));
            requests.put("enable", post("/api/admin/users/{u}/enable", target));
            requests.put("unlock", post("/api/admin/users/{u}/unlock", target));
            requests.put("password", put("/api/admin/users/{u}/password", target)
                    .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"Brand-new-pass-1\"}"));
            requests.put("page", get("/admin/users"));
            requests.put("page-create", post("/admin/users").param("username", "usr-test.nope")
                    .param("displayName", "X").param("officeId", WARD).param("roles", "LEADER")
                    .param("password", PASSWORD));
            requests.put("page-enable", post("/admin/users/{u}/enable", target).param("enabled", "false"));
            requests.put("page-unlock", post("/admin/users/{u}/unlock", target));
            requests.put("page-password", post("/admin/users/{u}/password", target).param("password", "Brand-new-pass-1"));
            requests.put("page-assign", post("/admin/users/{u}/assign", target).param("officeId", WARD)
                    .param("roles", "RECEPTION"));
            requests.put("trust-page", get("/admin/trust"));
            requests.put("trust-remove", post("/admin/trust/{id}/remove", 1));
            for (var e : requests.entrySet()) {
                int status = send(e.getValue(), role).getResponse().getStatus();
                if (status != 403) {
                    wrong.add(e.getKey() + " by " + role + ": " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(directory.find("usr-test.nope")).isEmpty();
        DeskUser unchanged = directory.find(target).orElseThrow();
        assertThat(unchanged.roles()).containsExactly(Role.LEADER);
        assertThat(unchanged.isEnabled()).isTrue();
        assertThat(login(target, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void changesWithoutTheCsrfTokenAreRefused() throws Exception {
        String target = created("LEADER");
        var admin = desk.as(PROVINCE, Role.ADMIN);
        assertThat(desk.mvc().perform(post("/api/admin/users/{u}/disable", target).with(admin)).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(desk.mvc().perform(post("/admin/users/{u}/enable", target).param("enabled", "false").with(admin))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(desk.mvc().perform(post("/api/admin/users/{u}/disable", target).with(admin).with(csrf().useInvalidToken()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(directory.find(target).orElseThrow().isEnabled()).isTrue();
    }

    @Test
    void thePageCreatesAndChangesAccounts() throws Exception {
        String username = newUsername();
        MvcResult created = send(post("/admin/users").param("username", username).param("displayName", "Trần Văn Trang")
                .param("officeId", WARD).param("roles", "RECEPTION", "ARCHIVIST").param("password", PASSWORD), Role.ADMIN);
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/admin/users");
        assertThat(created.getFlashMap().get("saved")).isEqualTo(true);
        assertThat(directory.find(username).orElseThrow().roles())
                .containsExactlyInAnyOrder(Role.RECEPTION, Role.ARCHIVIST);

        MvcResult refused = desk.mvc().perform(post("/admin/users").param("lang", "en").param("username", newUsername())
                .param("displayName", "X").param("officeId", WARD).param("roles", "LEADER").param("password", "abc")
                .with(desk.as(PROVINCE, Role.ADMIN)).with(csrf())).andReturn();
        assertThat(refused.getFlashMap().get("error")).isEqualTo("The password must have at least 10 characters.");
        UserAdmin.NewAccount draft = (UserAdmin.NewAccount) refused.getFlashMap().get("draft");
        assertThat(draft.displayName()).isEqualTo("X");
        assertThat(draft.roles()).containsExactly("LEADER");
        assertThat(draft.password()).as("the form comes back without the password").isNull();
        MvcResult refusedVi = send(post("/admin/users").param("lang", "vi").param("username", newUsername())
                .param("displayName", "X").param("officeId", WARD).param("roles", "LEADER").param("password", "abc"),
                Role.ADMIN);
        assertThat(refusedVi.getFlashMap().get("error")).isEqualTo("Mật khẩu phải có ít nhất 10 ký tự.");

        send(post("/admin/users/{u}/assign", username).param("officeId", "xa-ia-rbol").param("roles", "LEADER"),
                Role.ADMIN);
        DeskUser changed = directory.find(username).orElseThrow();
        assertThat(changed.officeId()).isEqualTo("xa-ia-rbol");
        assertThat(changed.roles()).containsExactly(Role.LEADER);
        assertThat(changed.displayName()).isEqualTo("Trần Văn Trang");

        MvcResult page = send(get("/admin/users").param("q", username), Role.ADMIN);
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(Desk.body(page)).contains("user-" + username).contains("Trần Văn Trang").contains("create-user")
                .doesNotContain("users-external");
    }

    @Test
    void passwordsNeverReachTheAuditOrTheLog(CapturedOutput output) throws Exception {
        String marker = "usr-test-log-marker-" + System.nanoTime();
        LoggerFactory.getLogger(UserAdminTest.class).warn(marker);
        String username = created("SPECIALIST");
        String second = "Second-secret-pass-9";
        send(put("/api/admin/users/{u}/password", username).contentType(MediaType.APPLICATION_JSON)
                .content("{\"password\":\"" + second + "\"}"), Role.ADMIN);
        send(put("/api/admin/users/{u}/password", username).contentType(MediaType.APPLICATION_JSON)
                .content("{\"password\":\"qwertyuiop\"}"), Role.ADMIN);
        login(username, "a-wrong-password-typed");
        assign(username, WARD, "LEADER");
        send(post("/api/admin/users/{u}/disable", username), Role.ADMIN);
        send(post("/api/admin/users/{u}/enable", username), Role.ADMIN);
        send(post("/api/admin/users/{u}/unlock", username), Role.ADMIN);

        List<AuditLog.Entry> rows = audit.forTarget("user:" + username);
        assertThat(rows).extracting(AuditLog.Entry::action).containsExactly("admin.user.create", "admin.user.password",
                "admin.user.assign", "admin.user.disable", "admin.user.enable", "admin.user.unlock");
        assertThat(rows).allMatch(e -> e.actor().equals(ADMIN));
        assertThat(rows.get(0).detail()).isEqualTo("office=" + WARD + " roles=[SPECIALIST]");
        assertThat(rows.get(2).detail()).isEqualTo("office=" + WARD + " roles=[SPECIALIST] -> office=" + WARD
                + " roles=[LEADER]");
        String hash = jdbc.sql("select password_hash from app_user where username = ?").param(username)
                .query(String.class).single();
        assertThat(encoder.matches(second, hash)).isTrue();
        List<String> everyAuditRow = jdbc.sql("select concat_ws(' ', actor, action, target, detail) from audit_log")
                .query(String.class).list();
        for (String secret : List.of(PASSWORD, second, "qwertyuiop", "a-wrong-password-typed", "{bcrypt}", "$2a$", hash)) {
            assertThat(everyAuditRow).noneMatch(row -> row.contains(secret));
        }
        assertThat(output.getAll()).contains(marker).doesNotContain(PASSWORD).doesNotContain(second)
                .doesNotContain("a-wrong-password-typed").doesNotContain(hash);
    }

    @Test
    void inTheAlfrescoModeAccountsAreOnlyListed() {
        UserAdmin external = new UserAdmin(jdbc, encoder, policy, catalogue, audit, clock, true);
        DeskUser admin = directory.find(ADMIN).orElseThrow();
        assertThat(external.external()).isTrue();
        assertThat(external.list(admin, PROVINCE, null)).extracting(UserAdmin.Account::username).contains(ADMIN);
        String u = newUsername();
        assertThatThrownBy(() -> external.create(admin, new UserAdmin.NewAccount(u, "X", WARD, Set.of("LEADER"),
                PASSWORD))).isInstanceOfSatisfying(DeskException.class,
                e -> assertThat(e.key()).isEqualTo("admin.users.error.external"));
        assertThatThrownBy(() -> external.enable(admin, WARD + ".leader", false))
                .isInstanceOfSatisfying(DeskException.class,
                        e -> assertThat(e.key()).isEqualTo("admin.users.error.external"));
        assertThat(directory.find(u)).isEmpty();
        assertThat(directory.find(WARD + ".leader").orElseThrow().isEnabled()).isTrue();
    }
}
