package vn.motcua.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoTest {

    private static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            Demo.main(args);
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void walksTheSampleDossierThroughItsLife() {
        String en = run("en");
        assertThat(en).contains("dossier code 000.00.41.H21-250915-0001")
                .contains("Result code: 000.00.41.H21-250915-0001-KQ1")
                .contains("Forward to another office").contains("Receive back")
                .contains("Final state Archived")
                .contains("Refused as expected: The role \"Specialist\" may not perform \"Approve\".");
        assertThat(en.lines().filter(l -> l.matches("\\d+: .*"))).hasSize(13);
        String vi = run();
        assertThat(vi).contains("mã hồ sơ 000.00.41.H21-250915-0001").contains("Đã lưu trữ").doesNotContain("!");
    }
}
