package vn.motcua.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Content-addressed files: {@code <root>/ab/cd/abcd…} named by SHA-256. Bytes go to a temporary file in the same folder,
 * are forced to disk, then atomically renamed, so a crash leaves either no file or a complete one — never a half file under a
 * real address. Temporary leftovers and objects no row references are removed by {@link #deleteUnreferenced}.
 */
public final class FileSystemContentStore implements ContentStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String TEMP_SUFFIX = ".part";

    private final Path root;
    private final boolean force;

    public FileSystemContentStore(Path root) throws IOException {
        this(root, true);
    }

    /** @param force whether to force each file to disk before it gets its address (off only for throw-away stores) */
    public FileSystemContentStore(Path root, boolean force) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.force = force;
        Files.createDirectories(this.root);
    }

    @Override
    public StoredContent put(InputStream content, long maxBytes) throws IOException {
        try (Incoming incoming = receive(maxBytes)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = content.read(buffer)) != -1) {
                incoming.write(java.nio.ByteBuffer.wrap(buffer, 0, n));
            }
            return incoming.commit();
        }
    }

    @Override
    public Incoming receive(long maxBytes) throws IOException {
        return new IncomingFile(Files.createTempFile(root, "incoming-", TEMP_SUFFIX), maxBytes);
    }

    /** Bytes go to a temporary file in the store's root, hashed on the way; commit forces and renames it. */
    private final class IncomingFile implements Incoming {
        private final Path temp;
        private final FileChannel channel;
        private final MessageDigest sha = sha256();
        private final long maxBytes;
        private long size;
        private boolean done;

        IncomingFile(Path temp, long maxBytes) throws IOException {
            this.temp = temp;
            this.maxBytes = maxBytes;
            this.channel = FileChannel.open(temp, StandardOpenOption.WRITE);
        }

        @Override
        public void write(ByteBuffer bytes) throws IOException {
            if (size + bytes.remaining() > maxBytes) {
                throw new TooLargeException(maxBytes);
            }
            size += bytes.remaining();
            sha.update(bytes.duplicate());
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public StoredContent commit() throws IOException {
            if (force) {
                channel.force(true);
            }
            channel.close();
            String hash = HexFormat.of().formatHex(sha.digest());
            Path target = pathOf(hash);
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.delete(temp);
            } else {
                moveIntoPlace(temp, target);
            }
            done = true;
            return new StoredContent(hash, size);
        }

        @Override
        public void close() throws IOException {
            channel.close();
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            // The temp file is in the same file system as the target, so the rename is atomic.
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException sameBytesStoredConcurrently) {
            Files.deleteIfExists(temp);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("content store root must be on a file system with atomic rename: " + target, e);
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        Path p = pathOf(sha256);
        if (!Files.isRegularFile(p)) {
            throw new NoSuchFileException(sha256);
        }
        return Files.newInputStream(p);
    }

    @Override
    public boolean exists(String sha256) {
        return SHA256.matcher(sha256).matches() && Files.isRegularFile(pathOf(sha256));
    }

    @Override
    public int deleteUnreferenced(Set<String> referenced) throws IOException {
        int deleted = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = p.getFileName().toString();
                if (name.endsWith(TEMP_SUFFIX) || (SHA256.matcher(name).matches() && !referenced.contains(name))) {
                    Files.deleteIfExists(p);
                    deleted++;
                }
            }
        }
        return deleted;
    }

    private Path pathOf(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 address");
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
