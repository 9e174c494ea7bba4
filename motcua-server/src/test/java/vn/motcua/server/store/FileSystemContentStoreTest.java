package vn.motcua.server.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileSystemContentStoreTest {

    @TempDir
    Path root;

    @Test
    void storesUnderTheSha256OfTheBytesAndDeduplicates() throws Exception {
        ContentStore store = new FileSystemContentStore(root);
        byte[] bytes = "Tờ khai đăng ký khai sinh".getBytes(StandardCharsets.UTF_8);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        ContentStore.StoredContent a = store.put(new ByteArrayInputStream(bytes), 1000);
        ContentStore.StoredContent b = store.put(new ByteArrayInputStream(bytes), 1000);
        assertThat(a.sha256()).isEqualTo(expected).isEqualTo(b.sha256());
        assertThat(a.size()).isEqualTo(bytes.length);
        try (InputStream in = store.open(expected)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(files()).hasSize(1);
    }

    @Test
    void tooLargeContentLeavesNothingBehind() throws Exception {
        ContentStore store = new FileSystemContentStore(root);
        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[2000]), 1000))
                .isInstanceOf(ContentStore.TooLargeException.class);
        assertThat(files()).isEmpty();
    }

    @Test
    void cleanupRemovesUnreferencedObjectsAndHalfWrittenTemporaries() throws Exception {
        ContentStore store = new FileSystemContentStore(root);
        String kept = store.put(new ByteArrayInputStream(new byte[]{1, 2, 3}), 100).sha256();
        String orphan = store.put(new ByteArrayInputStream(new byte[]{4, 5, 6}), 100).sha256();
        Files.write(root.resolve("incoming-123.part"), new byte[]{7}); // a crash during a write
        assertThat(store.deleteUnreferenced(Set.of(kept))).isEqualTo(2);
        assertThat(store.exists(kept)).isTrue();
        assertThat(store.exists(orphan)).isFalse();
        assertThat(files()).hasSize(1);
    }

    @Test
    void addressesMustBeSha256() throws Exception {
        ContentStore store = new FileSystemContentStore(root);
        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.exists("../../etc/passwd")).isFalse();
    }

    private java.util.List<Path> files() throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
