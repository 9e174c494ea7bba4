package vn.motcua.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.function.UnaryOperator;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.motcua.extraction.corpus.DocTemplate;
import vn.motcua.extraction.corpus.DocWriter;
import vn.motcua.extraction.corpus.Spec;

/**
 * Broken and protected Word 97-2003 files: each gets a typed status with a message in both languages, and a good .doc
 * read right after it is extracted in full.
 */
class HostileWordDocTest {

    private static final Spec GOOD = WordDocTest.spec("giay-moi");

    @AfterEach
    void nextDocumentIsUnaffected() throws IOException {
        ExtractionResult r = extract(good(), "gm.doc");
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.mediaType()).contains("application/msword");
        assertThat(CorpusTest.actual(r.header())).isEqualTo(CorpusTest.expected(GOOD));
    }

    @Test
    void docCutInHalfIsDamaged() throws IOException {
        byte[] good = good();
        ExtractionResult r = extract(Arrays.copyOf(good, good.length / 2), "cut.doc");
        HostileInputTest.assertFailure(r, Status.DAMAGED, "status.DAMAGED");
    }

    @Test
    void docCutInsideItsOleHeaderIsDamaged() throws IOException {
        ExtractionResult r = extract(Arrays.copyOf(good(), 300), "cut.doc");
        HostileInputTest.assertFailure(r, Status.DAMAGED, "status.DAMAGED");
    }

    /**
     * The FIB's first 12 bytes (magic number, version, flags that say "not encrypted") are kept: with random flags, a
     * file that claims encryption is reported as {@code ENCRYPTED}, which is what such a file says of itself.
     */
    @Test
    void garbageFileInformationBlockIsDamaged() throws IOException {
        byte[] good = good();
        for (int seed = 1; seed <= 6; seed++) {
            ExtractionResult r = extract(garble(good, "WordDocument", 12, 1_024, seed), "fib.doc");
            HostileInputTest.assertFailure(r, Status.DAMAGED, "status.DAMAGED");
            assertThat(r.mediaType()).contains("application/msword");
            assertThat(r.message().en()).contains("application/msword");
        }
    }

    @Test
    void garbageTableStreamIsDamaged() throws IOException {
        ExtractionResult r = extract(garble(good(), "1Table", 0, Integer.MAX_VALUE, 7), "table.doc");
        HostileInputTest.assertFailure(r, Status.DAMAGED, "status.DAMAGED");
        assertThat(r.mediaType()).contains("application/msword");
    }

    @Test
    void passwordProtectedDocIsEncrypted() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // HWPF encrypts on write (RC4 CryptoAPI, as Word 2003 does) while a password is set for this thread.
        Biff8EncryptionKey.setCurrentUserPassword("mat-khau");
        try (HWPFDocument doc = DocWriter.fill(GOOD, DocTemplate.DECREE_TABLE, UnaryOperator.identity())) {
            doc.write(out);
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
        assertThatThrownBy(() -> new HWPFDocument(new ByteArrayInputStream(out.toByteArray())).close())
                .as("opened without the password").isInstanceOf(org.apache.poi.EncryptedDocumentException.class);
        Biff8EncryptionKey.setCurrentUserPassword("mat-khau");
        try (HWPFDocument withPassword = new HWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(withPassword.getFileInformationBlock().getFibBase().isFEncrypted()).isTrue();
            assertThat(withPassword.getRange().text()).contains("GIẤY MỜI", "Võ Văn Hùng");
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
        ExtractionResult r = extract(out.toByteArray(), "mat.doc");
        HostileInputTest.assertFailure(r, Status.ENCRYPTED, "status.ENCRYPTED");
        assertThat(r.mediaType()).contains("application/msword");
    }

    /** Overwrites bytes {@code from} to {@code to} (at most) of one OLE2 stream with random bytes, keeping its size. */
    private static byte[] garble(byte[] doc, String stream, int from, int to, int seed) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(doc))) {
            DocumentEntry entry = (DocumentEntry) fs.getRoot().getEntry(stream);
            byte[] content;
            try (DocumentInputStream in = new DocumentInputStream(entry)) {
                content = in.readAllBytes();
            }
            byte[] noise = new byte[Math.min(to, content.length) - from];
            new Random(seed).nextBytes(noise);
            System.arraycopy(noise, 0, content, from, noise.length);
            fs.getRoot().createOrUpdateDocument(stream, new ByteArrayInputStream(content));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    private static byte[] good() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DocWriter.write(GOOD, DocTemplate.DECREE_TABLE, UnaryOperator.identity(), out);
        return out.toByteArray();
    }

    private static ExtractionResult extract(byte[] bytes, String name) {
        return Extraction.extract(new ByteArrayInputStream(bytes), name, Limits.defaults());
    }
}
