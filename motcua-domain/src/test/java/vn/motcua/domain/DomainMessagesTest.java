package vn.motcua.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.motcua.domain.dossier.ActionType;
import vn.motcua.domain.dossier.Channel;
import vn.motcua.domain.dossier.DossierState;
import vn.motcua.domain.dossier.NoticeChannel;
import vn.motcua.domain.dossier.RefusalReason;
import vn.motcua.domain.dossier.TransitionRefusedException;
import vn.motcua.domain.dossier.Verdict;
import vn.motcua.domain.office.OfficeLevel;
import vn.motcua.domain.office.Role;
import vn.motcua.domain.procedure.OnlineLevel;
import vn.motcua.domain.procedure.StepKind;

class DomainMessagesTest {

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = DomainMessages.class.getResourceAsStream("/vn/motcua/domain/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void vietnameseAndEnglishHaveTheSameKeys() throws IOException {
        Properties en = bundle("messages.properties");
        Properties vi = bundle("messages_vi.properties");
        assertThat(new TreeSet<>(vi.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        // the Vietnamese file really is Vietnamese (UTF-8 read correctly)
        assertThat(vi.getProperty("state.RECEIVED")).isEqualTo("Đã tiếp nhận");
    }

    @Test
    void everyLabelAndRefusalIsDefined() {
        List<Labelled> labelled = new ArrayList<>();
        for (Class<? extends Enum<?>> type : List.of(DossierState.class, ActionType.class, Role.class, OfficeLevel.class,
                StepKind.class, OnlineLevel.class, Channel.class, NoticeChannel.class, Verdict.class)) {
            for (Enum<?> value : type.getEnumConstants()) {
                labelled.add((Labelled) value);
            }
        }
        for (Labelled l : labelled) {
            assertThat(DomainMessages.isDefined(l.labelKey())).as(l.labelKey()).isTrue();
        }
        for (RefusalReason reason : RefusalReason.values()) {
            assertThat(DomainMessages.isDefined(reason.key())).as(reason.key()).isTrue();
        }
    }

    @Test
    void everyKeyTheCodeUsesIsDefined() throws IOException {
        Path sources = Path.of("src/main/java");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(sources), "SKIPPED: sources not found");
        Pattern literal = Pattern.compile("\"((?:data|code|dossier|reception|report|demo)\\.[A-Za-z.]+)\"");
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        assertThat(keys).hasSizeGreaterThan(40);
        assertThat(keys).allMatch(DomainMessages::isDefined);
    }

    @Test
    void labelsInArgumentsAreShownInTheReadersLanguage() {
        TransitionRefusedException e = new TransitionRefusedException(RefusalReason.STATE, ActionType.APPROVE,
                DossierState.RECEIVED);
        assertThat(e.message(DomainMessages.VIETNAMESE))
                .isEqualTo("Không thể thực hiện \"Phê duyệt\" khi hồ sơ đang ở trạng thái \"Đã tiếp nhận\".");
        assertThat(e.message(Locale.ENGLISH)).isEqualTo("The action \"Approve\" is not possible while the dossier is "
                + "\"Received\".");
        assertThat(DomainMessages.format(Locale.ENGLISH, "no.such.key")).isEqualTo("!no.such.key!");
    }
}
