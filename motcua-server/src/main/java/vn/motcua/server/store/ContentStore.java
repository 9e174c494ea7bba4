package vn.motcua.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Where document bytes live, addressed by their SHA-256. The embedded mode keeps them on disk
 * ({@link FileSystemContentStore}); the Alfresco mode will keep them as Alfresco nodes behind the same interface.
 */
public interface ContentStore {

    /** Stores the stream's bytes (at most {@code maxBytes}) and returns their address; storing the same bytes twice is free. */
    StoredContent put(InputStream content, long maxBytes) throws IOException;

    /** Opens the content stored under the SHA-256 address, or throws {@link java.nio.file.NoSuchFileException}. */
    InputStream open(String sha256) throws IOException;

    boolean exists(String sha256);

    /** Deletes every stored object whose address is not in {@code referenced}; returns how many were deleted. */
    int deleteUnreferenced(Set<String> referenced) throws IOException;

    record StoredContent(String sha256, long size) {
    }

    /** The content was larger than the limit the caller set; nothing was stored. */
    final class TooLargeException extends IOException {
        private final long limit;

        public TooLargeException(long limit) {
            super("content exceeds " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }
}
