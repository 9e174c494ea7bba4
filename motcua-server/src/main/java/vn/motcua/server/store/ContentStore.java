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

    /**
     * Opens a sink for content that arrives in pieces (an upload read as it streams in): its bytes are hashed and
     * written as they come, at most {@code maxBytes}; {@link Incoming#commit()} gives the address, closing without
     * commit leaves nothing behind.
     */
    Incoming receive(long maxBytes) throws IOException;

    /** One piece of content being received; see {@link #receive(long)}. Not thread-safe. */
    interface Incoming extends java.io.Closeable {

        /** @throws TooLargeException when the content goes past the limit (nothing is stored) */
        void write(java.nio.ByteBuffer bytes) throws IOException;

        /** Bytes written so far. */
        long size();

        /** Forces the bytes to disk and moves them to their address. */
        StoredContent commit() throws IOException;

        /** Discards the bytes unless committed. */
        @Override
        void close() throws IOException;
    }

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
