package vn.motcua.server.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import vn.motcua.domain.office.Role;
import vn.motcua.server.Desk;
import vn.motcua.server.ServerTest;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

/** Passwords are hashed; three wrong passwords (the test limit) lock the account, even for the right one afterwards. */
@ServerTest
class LoginLockoutTest {

    @Autowired
    Desk desk;
    @Autowired
    UserDirectory users;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void repeatedFailuresLockTheAccount() throws Exception {
        users.createIfAbsent("lockout.test", "right-password", "Lockout test", "phuong-ayun-pa", Set.of(Role.SPECIALIST));
        assertThat(jdbc.sql("select password_hash from app_user where username = 'lockout.test'").query(String.class)
                .single()).startsWith("{bcrypt}").doesNotContain("right-password");
        assertThat(login("right-password").getResponse().getRedirectedUrl()).isEqualTo("/");
        for (int i = 0; i < 3; i++) {
            assertThat(login("wrong").getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        }
        assertThat(login("right-password").getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(users.find("lockout.test").orElseThrow().isAccountNonLocked()).isFalse();
    }

    private MvcResult login(String password) throws Exception {
        return desk.mvc().perform(formLogin("/login").user("lockout.test").password(password)).andReturn();
    }
}
