package vn.motcua.server;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@ServerTest
class StartupTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void startsOnEmbeddedPostgresWithOfficesAndDemoUsers() {
        assertThat(jdbc.sql("select count(*) from office").query(Integer.class).single()).isGreaterThan(0);
        assertThat(jdbc.sql("select count(*) from app_user where username = 'doan-ket.reception'").query(Integer.class).single())
                .isEqualTo(1);
    }
}
