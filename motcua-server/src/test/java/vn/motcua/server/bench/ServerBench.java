package vn.motcua.server.bench;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.domain.office.AgencyCode;
import vn.motcua.server.HttpOfficer;
import vn.motcua.server.MotCuaServerApplication;
import vn.motcua.server.document.PendingInspections;
import vn.motcua.server.reception.PostgresDailySequence;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmarks of the one-stop desk on this machine (run with {@code ./mvnw -Pbench -pl motcua-server verify -DskipTests}):
 * <ol>
 *   <li>reception of a dossier with three 200 KB files, end to end over HTTP (login session, CSRF, multipart, content
 *       store, PostgreSQL), by 20 concurrent clients: throughput and p50 / p95 / p99 latency;</li>
 *   <li>dossier number generation from 50 threads, each number in its own transaction: numbers per second, duplicates.</li>
 * </ol>
 * The server runs in this JVM on a fresh embedded PostgreSQL under target/bench-postgres. Loops are bounded.
 */
public final class ServerBench {

    private static final int CLIENTS = 20;
    private static final int WARMUP_PER_CLIENT = 20;
    private static final int MAX_WARMUPS = 10;
    /** Warm until the JIT compilers take less than this CPU per reception (ms). */
    private static final double SETTLED_JIT_MS = 0.3;
    private static final int MEASURED_PER_CLIENT = 40;
    private static final int ROUNDS = 3;
    private static final int FILE_BYTES = 200 * 1024;
    private static final int CODE_THREADS = 50;
    private static final int CODES_PER_THREAD = 180; // 9,000 numbers: one agency's maximum for a day is 9,999

    private ServerBench() {
    }

    public static void main(String[] args) throws Exception {
        String force = System.getProperty("bench.force-to-disk", "true");
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(MotCuaServerApplication.class)
                .profiles("demo")
                .run("--motcua.store.force-to-disk=" + force, "--server.port=0", "--motcua.database.data-dir=target/bench-postgres",
                        "--motcua.database.clean-on-start=true", "--motcua.store.root=target/bench-content",
                        "--motcua.demo.password=bench-password", "--motcua.database.pool-size=24",
                        "--logging.level.root=WARN", "--spring.main.banner-mode=off");
        try {
            int port = ctx.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            System.out.println("== MotCua server benchmark (" + Runtime.getRuntime().availableProcessors()
                    + " cores, files forced to disk: " + force + ")");
            codes(ctx);
            receptions(ctx, port);
        } finally {
            ctx.close();
        }
    }

    private static void codes(ConfigurableApplicationContext ctx) throws Exception {
        PostgresDailySequence sequence = ctx.getBean(PostgresDailySequence.class);
        TransactionTemplate tx = ctx.getBean(TransactionTemplate.class);
        AgencyCode agency = AgencyCode.parse("000.00.99.H21");
        LocalDate day = LocalDate.of(2030, 1, 2);
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(CODE_THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int t = 0; t < CODE_THREADS; t++) {
            futures.add(pool.submit(() -> {
                start.await();
                int duplicates = 0;
                for (int i = 0; i < CODES_PER_THREAD; i++) {
                    Integer n = tx.execute(s -> sequence.next(agency, day));
                    if (!seen.add(n)) {
                        duplicates++;
                    }
                }
                return duplicates;
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        int duplicates = 0;
        for (Future<Integer> f : futures) {
            duplicates += f.get(10, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        int total = CODE_THREADS * CODES_PER_THREAD;
        System.out.printf("codes: %d numbers from %d threads in %.2f s = %.0f codes/s, duplicates: %d, highest: %d%n",
                total, CODE_THREADS, seconds, total / seconds, duplicates, Collections.max(seen));
    }

    private static void receptions(ConfigurableApplicationContext ctx, int port) throws Exception {
        String base = "http://127.0.0.1:" + port;
        List<Client> clients = new ArrayList<>();
        // -Dbench.offices=2 spreads the clients over both current communes (each office has its own day's number row).
        String[] offices = {"phuong-ayun-pa", "xa-ia-rbol"};
        int spread = Math.max(1, Math.min(offices.length, Integer.getInteger("bench.offices", 1)));
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(new Client(base, offices[i % spread] + ".reception", "bench-password", i));
        }
        // Warm-up in batches until the JIT compilers take little CPU, at most 4,000 receptions (one office's numbers for
        // a day run out at 9,999). On two busy cores C2 is still compiling after 10,000 receptions: its share is printed.
        int warmups = 0;
        double jit;
        StringBuilder jitByBatch = new StringBuilder();
        do {
            CpuUse before = CpuUse.now();
            run(clients, WARMUP_PER_CLIENT);
            jit = CpuUse.now().minus(before).vmThreads.getOrDefault("JIT", 0L) / 1e6 / (CLIENTS * WARMUP_PER_CLIENT);
            jitByBatch.append(String.format(" %.1f", jit));
            warmups++;
        } while (jit > SETTLED_JIT_MS && warmups < MAX_WARMUPS);
        System.out.printf("warm-up: %d receptions; JIT compilers' CPU per reception, by batch of %d (ms):%s%n",
                warmups * CLIENTS * WARMUP_PER_CLIENT, CLIENTS * WARMUP_PER_CLIENT, jitByBatch);
        // Several rounds: on a shared 2-core virtual machine one round can differ from the next by a third.
        for (int round = 1; round <= ROUNDS; round++) {
            CpuUse before = CpuUse.now();
            long t0 = System.nanoTime();
            List<Long> latencies = run(clients, MEASURED_PER_CLIENT);
            double seconds = (System.nanoTime() - t0) / 1e9;
            CpuUse used = CpuUse.now().minus(before);
            Collections.sort(latencies);
            System.out.printf("round %d: reception over HTTP, 3 x 200 KB " + (SCANS ? "scanned PDFs" : "damaged PDFs")
                            + ", %d clients: %d dossiers in %.2f s = %.1f dossiers/s; latency p50 %.1f ms, p95 %.1f ms,"
                            + " p99 %.1f ms, max %.1f ms%n", round, CLIENTS, latencies.size(), seconds,
                    latencies.size() / seconds, pct(latencies, 50), pct(latencies, 95), pct(latencies, 99),
                    latencies.get(latencies.size() - 1) / 1e6);
            used.print(latencies.size());
        }
        // The uploads' text extraction and signature check run after each reception commits, yielding to requests for
        // at most 2 s per document: what the rounds above left to do, and the CPU it takes.
        PendingInspections inspections = ctx.getBean(PendingInspections.class);
        int receptions = CLIENTS * (warmups * WARMUP_PER_CLIENT + ROUNDS * MEASURED_PER_CLIENT);
        CpuUse before = CpuUse.now();
        long t0 = System.nanoTime();
        boolean drained = inspections.awaitIdle(java.time.Duration.ofMinutes(10));
        CpuUse used = CpuUse.now().minus(before);
        System.out.printf("background inspection left after the rounds: %s in %.1f s%n",
                drained ? "drained" : "NOT drained", (System.nanoTime() - t0) / 1e9);
        System.out.print("the background inspection's own CPU, spread over all " + receptions + " receptions: ");
        used.print(receptions);
    }

    /** The clients' threads live across rounds, so that their CPU (they share the two cores) is reported by name. */
    private static final ExecutorService CLIENT_THREADS = Executors.newFixedThreadPool(CLIENTS, new ThreadFactory() {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "bench-client-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });

    private static List<Long> run(List<Client> clients, int perClient) throws Exception {
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (Client c : clients) {
            futures.add(CLIENT_THREADS.submit(() -> {
                List<Long> l = new ArrayList<>();
                for (int i = 0; i < perClient; i++) {
                    l.add(c.receive());
                }
                return l;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get(10, TimeUnit.MINUTES));
        }
        return all;
    }

    /**
     * Where the two cores went during the measured receptions: the server's request threads, the benchmark's own client
     * threads (same JVM), garbage collection, the JIT compilers, the rest of the JVM and the PostgreSQL processes.
     */
    private record CpuUse(Map<String, Long> javaThreads, Map<String, Long> vmThreads, long process, long postgres,
                          long gcCount, long gcMillis) {
        static CpuUse now() throws java.io.IOException {
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            Map<String, Long> byGroup = new java.util.TreeMap<>();
            for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
                if (t != null) {
                    long cpu = mx.getThreadCpuTime(t.getThreadId());
                    String group = t.getThreadName().replaceAll("\\d+", "N");
                    byGroup.merge(group, Math.max(0, cpu), Long::sum);
                }
            }
            long process = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
            long gcCount = 0;
            long gcMillis = 0;
            for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                gcCount += gc.getCollectionCount();
                gcMillis += gc.getCollectionTime();
            }
            return new CpuUse(byGroup, readVmThreads(), process, postgresCpu(), gcCount, gcMillis);
        }

        /**
         * The JVM's own threads, which the management API does not list: garbage collection and the JIT compilers, from
         * /proc/self/task (comm name; on-CPU nanoseconds from schedstat).
         */
        private static Map<String, Long> readVmThreads() throws java.io.IOException {
            Map<String, Long> byKind = new java.util.TreeMap<>();
            try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
                for (java.nio.file.Path task : tasks.toList()) {
                    try {
                        String comm = java.nio.file.Files.readString(task.resolve("comm")).strip();
                        String kind = comm.startsWith("GC Thread") || comm.startsWith("G1 ") ? "GC"
                                : comm.contains("CompilerThre") ? "JIT" : null;
                        if (kind != null) {
                            String schedstat = java.nio.file.Files.readString(task.resolve("schedstat")).strip();
                            byKind.merge(kind, Long.parseLong(schedstat.split(" ")[0]), Long::sum);
                        }
                    } catch (java.io.IOException gone) {
                        // the thread ended between the listing and the read
                    }
                }
            }
            return byKind;
        }

        /** utime + stime of every process named postgres, in nanoseconds (Linux /proc, 100 ticks a second). */
        private static long postgresCpu() throws java.io.IOException {
            long ticks = 0;
            try (var dirs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                for (java.nio.file.Path dir : dirs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String stat = java.nio.file.Files.readString(dir.resolve("stat"));
                        if (stat.contains("(postgres)")) {
                            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        }
                    } catch (java.io.IOException gone) {
                        // the process ended between the listing and the read
                    }
                }
            }
            return ticks * 10_000_000L;
        }

        CpuUse minus(CpuUse earlier) {
            Map<String, Long> d = new java.util.TreeMap<>();
            javaThreads.forEach((k, v) -> d.put(k, v - earlier.javaThreads.getOrDefault(k, 0L)));
            Map<String, Long> vm = new java.util.TreeMap<>();
            vmThreads.forEach((k, v) -> vm.put(k, v - earlier.vmThreads.getOrDefault(k, 0L)));
            return new CpuUse(d, vm, process - earlier.process, postgres - earlier.postgres, gcCount - earlier.gcCount,
                    gcMillis - earlier.gcMillis);
        }

        void print(int receptions) {
            long threads = javaThreads.values().stream().mapToLong(Long::longValue).sum()
                    + vmThreads.values().stream().mapToLong(Long::longValue).sum();
            StringBuilder line = new StringBuilder(String.format("CPU per reception: %.1f ms in all = JVM %.1f ms",
                    (process + postgres) / 1e6 / receptions, process / 1e6 / receptions));
            javaThreads.entrySet().stream().filter(e -> e.getValue() > process / 500)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> line.append(String.format(" [%s %.1f]", e.getKey(), e.getValue() / 1e6 / receptions)));
            vmThreads.forEach((k, v) -> line.append(String.format(" [%s %.1f]", k, v / 1e6 / receptions)));
            line.append(String.format(" [other JVM work %.1f] + PostgreSQL %.1f ms; %d collections, %d ms"
                            + " of GC pauses", (process - threads) / 1e6 / receptions, postgres / 1e6 / receptions,
                    gcCount, gcMillis));
            System.out.println(line);
        }
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    /**
     * {@code -Dbench.files=damaged} (default): 200 KB of random bytes behind a PDF header, the worst case (text extraction
     * rebuilds a cross-reference table that is not there). {@code scan}: a real one-page PDF holding a 200 KB image
     * without a text layer, what a scanned paper form is.
     */
    private static final boolean SCANS = "scan".equals(System.getProperty("bench.files", "damaged"));

    private static byte[] damaged(Random random) {
        byte[] file = new byte[FILE_BYTES];
        random.nextBytes(file);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, file, 0, 9);
        return file;
    }

    private static byte[] scan(Random random) {
        // Random pixels do not compress: 262 x 262 RGB is about 200 KB after Flate.
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(262, 262,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = new org.apache.pdfbox.pdmodel.PDDocument();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            pdf.addPage(page);
            var xobject = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(pdf, image);
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(pdf, page)) {
                content.drawImage(xobject, 0, 0, 612, 792);
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One reception officer's browser-less session: login form with CSRF, then multipart receptions. */
    private static final class Client {
        private final String base;
        private final HttpOfficer officer;
        private final byte[][] files = new byte[3][];
        private KeepAliveConnection connection;

        Client(String base, String user, String password, int seed) throws Exception {
            this.base = base;
            this.officer = new HttpOfficer(base, user, password);
            Random random = new Random(seed);
            for (int i = 0; i < files.length; i++) {
                files[i] = SCANS ? scan(random) : damaged(random);
            }
        }

        /**
         * Sends one reception over this client's own keep-alive connection. The request (headers and multipart body, the
         * same files each time; the server still parses, hashes and records every upload) is built once: the benchmark
         * measures the server, and a browser on another machine would not share its two cores.
         */
        long receive() throws Exception {
            if (connection == null || connection.closed()) {
                connection = new KeepAliveConnection(URI.create(base), request());
            }
            long t0 = System.nanoTime();
            String status = connection.exchange();
            long elapsed = System.nanoTime() - t0;
            if (!status.startsWith("HTTP/1.1 201")) {
                throw new IllegalStateException("reception failed: " + status);
            }
            return elapsed;
        }

        private byte[] request() {
            HttpOfficer.Multipart form = new HttpOfficer.Multipart("----motcua-bench-7f3a9c")
                    .field("procedureCode", "1.004227").field("applicantName", "Nguyễn Thị Bench")
                    .field("applicantIdNumber", "079300000001").field("provided", "tax-declaration");
            String[] components = {"application", "contract", "certificate"};
            for (int i = 0; i < 3; i++) {
                form.file("file." + components[i], components[i] + ".pdf", "application/pdf", files[i]);
            }
            byte[] body = form.bytes();
            URI uri = URI.create(base);
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 512);
            out.writeBytes(("POST /api/dossiers HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nCookie: " + officer.cookieHeader() + "\r\nX-XSRF-TOKEN: " + officer.csrfToken()
                    + "\r\nAccept: application/json\r\nContent-Type: " + form.contentType()
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(body);
            return out.toByteArray();
        }
    }

    /**
     * One HTTP/1.1 connection that sends the same prepared request again and again and reads each response to its end
     * (Content-Length or chunked): a client that costs the shared CPU almost nothing.
     */
    private static final class KeepAliveConnection {
        private final java.net.Socket socket;
        private final java.io.OutputStream out;
        private final java.io.BufferedInputStream in;
        private final byte[] request;
        private boolean closed;

        KeepAliveConnection(URI base, byte[] request) throws java.io.IOException {
            this.socket = new java.net.Socket(base.getHost(), base.getPort());
            this.socket.setTcpNoDelay(true);
            this.out = socket.getOutputStream();
            this.in = new java.io.BufferedInputStream(socket.getInputStream(), 16 * 1024);
            this.request = request;
        }

        /** Sends the request and returns the response's status line after reading the whole response. */
        String exchange() throws java.io.IOException {
            out.write(request);
            out.flush();
            String status = line();
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String h = header.toLowerCase(java.util.Locale.ROOT);
                if (h.startsWith("content-length:")) {
                    length = Long.parseLong(h.substring(15).strip());
                } else if (h.startsWith("transfer-encoding:") && h.contains("chunked")) {
                    chunked = true;
                } else if (h.startsWith("connection:") && h.contains("close")) {
                    closed = true; // the server's keep-alive limit (Tomcat: 100 requests a connection)
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().strip(), 16); size > 0; size = Long.parseLong(line().strip(), 16)) {
                    skip(size);
                    line();
                }
                line();
            } else if (length >= 0) {
                skip(length);
            } else {
                throw new java.io.IOException("response without a length: " + status);
            }
            if (closed) {
                socket.close();
            }
            return status;
        }

        boolean closed() {
            return closed;
        }

        private String line() throws java.io.IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new java.io.EOFException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        private void skip(long n) throws java.io.IOException {
            in.skipNBytes(n);
        }
    }
}
