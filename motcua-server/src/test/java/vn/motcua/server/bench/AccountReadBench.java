package vn.motcua.server.bench;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.server.MotCuaServerApplication;
import vn.motcua.server.security.UserDirectory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The price of applying account changes on the next request: the security chain re-reads the signed-in account
 * ({@link UserDirectory#find}, one primary-key query with the roles aggregated) on every request. Measures that read
 * from 1 and 4 threads on the embedded PostgreSQL: latency p50 / p99 and reads per second. Loops are bounded.
 * Run: {@code ./mvnw -Pbench -pl motcua-server verify -DskipTests} (with the other benchmarks).
 */
public final class AccountReadBench {

    private static final int WARMUP = 3_000;
    private static final int MEASURED = 20_000;

    private AccountReadBench() {
    }

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(MotCuaServerApplication.class)
                .profiles("demo")
                .run("--server.port=0", "--motcua.database.data-dir=target/bench-accounts-postgres",
                        "--motcua.database.clean-on-start=true", "--motcua.store.root=target/bench-accounts-content",
                        "--motcua.demo.password=bench-password", "--logging.level.root=WARN",
                        "--spring.main.banner-mode=off");
        try {
            UserDirectory users = ctx.getBean(UserDirectory.class);
            System.out.println("== MotCua account re-read per request (" + Runtime.getRuntime().availableProcessors()
                    + " cores)");
            for (int threads : new int[]{1, 4}) {
                measure(users, threads, WARMUP / threads);
                long t0 = System.nanoTime();
                List<Long> latencies = measure(users, threads, MEASURED / threads);
                double seconds = (System.nanoTime() - t0) / 1e9;
                Collections.sort(latencies);
                System.out.printf("account read, %d thread(s): %d reads in %.2f s = %.0f reads/s; latency p50 %.0f µs,"
                                + " p99 %.0f µs%n", threads, latencies.size(), seconds, latencies.size() / seconds,
                        latencies.get(latencies.size() / 2) / 1e3, latencies.get(latencies.size() * 99 / 100) / 1e3);
            }
        } finally {
            ctx.close();
        }
    }

    private static List<Long> measure(UserDirectory users, int threads, int perThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                List<Long> out = new ArrayList<>(perThread);
                for (int i = 0; i < perThread; i++) {
                    long s = System.nanoTime();
                    if (users.find("phuong-ayun-pa.reception").isEmpty()) {
                        throw new IllegalStateException("demo account missing");
                    }
                    out.add(System.nanoTime() - s);
                }
                return out;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get(10, TimeUnit.MINUTES));
        }
        pool.shutdown();
        return all;
    }
}
