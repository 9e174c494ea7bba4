package vn.motcua.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells an encrypted PDF from a damaged one after it failed to open. PDFBox reports a wrong password with its own
 * exception, but other security handlers (public-key, unknown filters) only with a generic IOException; such a file
 * still declares {@code /Encrypt} in its trailer or cross-reference stream dictionary, which is never compressed.
 */
final class PdfEncryption {

    private static final byte[] KEY = "/Encrypt".getBytes(StandardCharsets.US_ASCII);

    private PdfEncryption() {
    }

    static boolean declared(Path pdf) {
        byte[] buffer = new byte[64 * 1024 + KEY.length];
        int carried = 0;
        try (InputStream in = Files.newInputStream(pdf)) {
            int n;
            while ((n = in.read(buffer, carried, buffer.length - carried)) > 0) {
                int length = carried + n;
                if (indexOf(buffer, length) >= 0) {
                    return true;
                }
                carried = Math.min(KEY.length - 1, length);
                System.arraycopy(buffer, length - carried, buffer, 0, carried);
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    private static int indexOf(byte[] data, int length) {
        outer:
        for (int i = 0; i + KEY.length <= length; i++) {
            for (int j = 0; j < KEY.length; j++) {
                if (data[i + j] != KEY[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
