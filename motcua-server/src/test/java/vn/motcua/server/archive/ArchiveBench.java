package vn.motcua.server.archive;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.LinkedMultiValueMap;
import vn.motcua.domain.report.OfficeReport;
import vn.motcua.domain.report.Period;
import vn.motcua.server.database.EmbeddedPostgres;
import vn.motcua.server.dossier.DossierRepository;
import vn.motcua.server.report.ReportService;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Archive benchmark (not a test; run by {@code ./mvnw -Pbench -pl motcua-server verify} or
 * {@code ./mvnw -pl motcua-server -Pbench test-compile exec:java@archive-bench}): generates N dossiers (default
 * 1,000,000, {@code -Dbench.dossiers=}) with 3 documents each inside the embedded PostgreSQL with SQL generate_series,
 * then prints p50/p95 of typical archivist queries through {@link ArchiveSearch} and of a monthly office report through
 * {@link ReportService}. The search indexes are dropped during the bulk load and rebuilt after it. The data folder (target/bench-archive) is reused when it already holds the data set.
 */
public final class ArchiveBench {

    private static final int OFFICES = 20;
    private static final int RUNS = 40;

    private ArchiveBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.dossiers", 1_000_000);
        Path data = Path.of(System.getProperty("bench.dir", "target/bench-archive"));
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(data, System.getProperty("bench.os-user", "nobody"))) {
            String url = pg.jdbcUrl("bench");
            Flyway.configure().dataSource(url, pg.username(), "").locations("classpath:db/migration").load().migrate();
            JdbcClient jdbc = JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), url, pg.username(), ""));
            int have = jdbc.sql("select count(*) from dossier where id >= 10000000").query(Integer.class).single();
            if (have != n) {
                long t0 = System.nanoTime();
                generate(url, pg.username(), n);
                System.out.printf(Locale.ROOT, "generated %,d dossiers, %,d documents in %.1f s%n", n, 3L * n,
                        (System.nanoTime() - t0) / 1e9);
            }
            System.out.println(jdbc.sql("""
                    select 'database size ' || pg_size_pretty(pg_database_size(current_database()))
                      || ', dossier_history rows ' || (select count(*) from dossier_history)""").query(String.class).single());
            measure(jdbc, n);
        }
    }

    private static void measure(JdbcClient jdbc, int n) {
        var catalogue = new vn.motcua.server.office.LiveCatalogue(jdbc);
        ArchiveSearch search = new ArchiveSearch(jdbc, catalogue);
        List<String> scope = IntStream.rangeClosed(1, OFFICES).mapToObj(i -> "bench-" + i).toList();
        String[] fragments = {"nguyen van th", "tran thi h", "le duc", "pham minh q", "hoang ngoc", "dang quoc",
                "vu thanh t", "bui xuan", "do gia h", "ngo huu"};
        time("name fragment without diacritics + office + 3-month range", i -> search.search(ArchiveQuery.parse(query(
                "name", fragments[i % fragments.length], "office", "bench-" + (i % OFFICES + 1),
                "receivedFrom", "2024-0" + (i % 6 + 1) + "-01", "receivedTo", "2024-0" + (i % 6 + 3) + "-28")),
                scope, Locale.ROOT));
        String[] symbols = {"QĐ-UBND", "UBND-VP", "GCN-VPĐK", "TB-UBND", "KH-UBND"};
        time("document number and symbol", i -> search.search(ArchiveQuery.parse(query("docNumber",
                (1 + (i * 37) % 9000) + "/" + symbols[i % symbols.length])), scope, Locale.ROOT));
        String[] rare = {"\"cap giay phep xay dung tai thon 12\"", "\"dang ky khai sinh tai to dan pho 7\"",
                "\"chuyen muc dich su dung dat tai thon 3\"", "\"xac nhan tinh trang hon nhan tai lang 21\""};
        time("full-text phrase (subject + place)", i -> search.search(ArchiveQuery.parse(query("text",
                rare[i % rare.length])), scope, Locale.ROOT));
        String[] common = {"\"cap giay phep xay dung\"", "\"dang ky khai sinh\"", "\"chuyen muc dich su dung dat\""};
        time("full-text phrase (subject only: 1/10 of documents) + one-year range", 5, i -> search.search(
                ArchiveQuery.parse(query("text", common[i % common.length], "receivedFrom", "2024-01-01",
                        "receivedTo", "2024-12-31")), scope, Locale.ROOT));
        // report() never reads ratings, so the bench needs no satisfaction service.
        ReportService reports = new ReportService(jdbc, new DossierRepository(jdbc, catalogue), search, null,
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        OfficeReport[] last = new OfficeReport[1];
        time("monthly report of one office (domain Reports over the loaded histories)", i -> last[0] = reports.report(
                "bench-" + (i % OFFICES + 1), Period.month(2024 + i % 2, i % 12 + 1)));
        System.out.println("  last report: " + last[0]);
    }

    private static LinkedMultiValueMap<String, String> query(String... kv) {
        LinkedMultiValueMap<String, String> p = new LinkedMultiValueMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            p.add(kv[i], kv[i + 1]);
        }
        return p;
    }

    private static void time(String name, IntConsumer run) {
        time(name, RUNS, run);
    }

    private static void time(String name, int runs, IntConsumer run) {
        for (int i = 0; i < Math.min(5, runs); i++) {
            run.accept(1000 + i);
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            run.accept(i);
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf(Locale.ROOT, "%-75s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  (%d runs)%n", name,
                ms.get(runs / 2), ms.get((int) Math.ceil(runs * 0.95) - 1), ms.get(runs - 1), runs);
    }

    /** The data set, in SQL: triggers are off for the session, so the derived columns are written directly. */
    private static void generate(String url, String user, int n) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement st = c.createStatement()) {
            for (String sql : GENERATE.replace(":n", String.valueOf(n)).split(";\\s*\\n")) {
                if (!sql.isBlank()) {
                    long t = System.nanoTime();
                    st.execute(sql);
                    System.out.printf(Locale.ROOT, "  %5.1f s  %s%n", (System.nanoTime() - t) / 1e9,
                            sql.strip().lines().findFirst().orElse(""));
                }
            }
        }
    }

    private static final String GENERATE = """
            set session_replication_role = replica;
            set maintenance_work_mem = '256MB';
            delete from document where dossier_id >= 10000000;
            delete from dossier_history where dossier_id >= 10000000;
            delete from dossier where id >= 10000000;
            create temp table search_indexes as select indexname, indexdef from pg_indexes
              where indexname in ('dossier_name_trgm', 'dossier_code_trgm', 'document_text', 'document_text_pairs',
                                  'document_signer_trgm',
                                  'document_number', 'document_symbol', 'document_type');
            do $$ declare r record; begin
              for r in select indexname from search_indexes loop execute 'drop index ' || r.indexname; end loop; end $$;
            insert into office (id, agency_code, level, parent_id, name_vi, name_en, valid_from)
              select 'bench-' || o, '000.00.' || (50 + o) || '.H21', 'COMMUNE', null, 'Xã thử ' || o, 'Bench commune ' || o,
                date '2020-01-01' from generate_series(1, 20) o on conflict (id) do nothing;
            create temp table g as
              select i, 'bench-' || (i % 20 + 1) as office, i % 20 + 1 as o, (i / 20) / 46 as day, (i / 20) % 46 + 1 as seq,
                (2147483647 & hashint4(i)) as h1, (2147483647 & hashint4(i + 7777777)) as h2, (2147483647 & hashint4(i + 15555555)) as h3
              from generate_series(0, :n - 1) i;
            create temp table gd as
              select g.*, '000.00.' || (50 + o) || '.H21-' || to_char(date '2023-01-02' + day, 'YYMMDD') || '-'
                  || lpad(seq::text, 4, '0') as code,
                timestamptz '2023-01-02 07:00+07' + day * interval '1 day' + seq * interval '8 minutes' as rec,
                case when h3 % 20 = 0 then 0 when h3 % 20 < 3 then 1 else 2 end as kind,
                (array['Nguyễn','Trần','Lê','Phạm','Hoàng','Huỳnh','Phan','Vũ','Võ','Đặng','Bùi','Đỗ','Hồ','Ngô','Dương','Lý'])[h1 % 16 + 1]
                  || ' ' || (array['Văn','Thị','Hữu','Đức','Minh','Ngọc','Thanh','Quốc','Gia','Xuân'])[h2 % 10 + 1]
                  || ' ' || (array['An','Anh','Bảo','Bình','Châu','Chi','Cường','Dũng','Dương','Đạt','Giang','Hà','Hải',
                     'Hạnh','Hiếu','Hoa','Hùng','Hương','Khánh','Lan','Linh','Long','Mai','Minh','Nam','Nga','Ngọc','Phong',
                     'Phúc','Phương','Quân','Quang','Sơn','Tâm','Thảo','Thắng','Thủy','Trang','Trung','Tuấn','Tùng','Vy',
                     'Yến','Hằng','Quý'])[h3 % 45 + 1] as name
              from g;
            insert into dossier (id, code, procedure_code, procedure_version, channel, receiving_office, current_office,
                forwarded_from, involved_offices, state, received_at, due_at, total_working_nanos, step_index, results,
                missing_components, version, applicant_name, applicant_id_number, updated_at, resolved_at, resolved_verdict)
              select 10000000 + i, code,
                (array['1.001193','1.013124','1.000894','1.000656','2.000908','2.000884'])[h1 % 6 + 1], 1,
                (array['COUNTER','ONLINE','POST'])[h2 % 3 + 1], office, office, '{}', array[office],
                (array['RECEIVED','IN_PROCESSING','RETURNED'])[kind + 1], rec, rec + interval '72 hours', 0,
                (array[0, 1, 4])[kind + 1], case when kind = 2 then array[code || '-KQ1'] else '{}' end, '{}',
                (array[1, 2, 6])[kind + 1], name, lpad((h1 % 1000000000)::text, 12, '0'), rec,
                case when kind = 2 then rec + interval '1 hour' + (h3 / 20 % 84) * interval '1 hour' end,
                case when kind = 2 then motcua_verdict(rec + interval '1 hour' + (h3 / 20 % 84) * interval '1 hour',
                  rec + interval '72 hours') end
              from gd;
            insert into dossier_history (dossier_id, sequence, action, from_state, to_state, user_id, role, office_id,
                held_by, at, note, due_at, clock_paused)
              select 10000000 + gd.i, e.seq, e.action, e.from_state, e.to_state, 'bench', e.role, gd.office, gd.office,
                gd.rec + e.after, '', gd.rec + interval '72 hours', false
              from gd cross join lateral (values
                (1, 'RECEIVE', null, 'RECEIVED', 'RECEPTION', interval '0'),
                (2, 'TRANSFER_TO_PROCESSING', 'RECEIVED', 'IN_PROCESSING', 'RECEPTION', interval '10 minutes'),
                (3, 'SUBMIT_FOR_APPROVAL', 'IN_PROCESSING', 'AWAITING_APPROVAL', 'SPECIALIST', interval '20 minutes'),
                (4, 'APPROVE', 'AWAITING_APPROVAL', 'APPROVED', 'LEADER', interval '30 minutes'),
                (5, 'SIGN_RESULT', 'APPROVED', 'RESULT_SIGNED', 'LEADER',
                   interval '1 hour' + (gd.h3 / 20 % 84) * interval '1 hour'),
                (6, 'RETURN_RESULT', 'RESULT_SIGNED', 'RETURNED', 'RECEPTION',
                   interval '2 hours' + (gd.h3 / 20 % 84) * interval '1 hour')
              ) as e(seq, action, from_state, to_state, role, after)
              where e.seq <= (array[1, 2, 6])[gd.kind + 1];
            insert into document (dossier_id, kind, component, file_name, media_type, size_bytes, sha256, signature_badge,
                signature_text, metadata, uploaded_by, uploaded_at, doc_number, doc_symbol, doc_type, signer,
                signature_verdict, extracted_text)
              select 10000000 + gd.i, case when k = 3 then 'RESULT' else 'COMPONENT' end, 'c' || k, 'tai-lieu-' || k || '.pdf',
                'application/pdf', 100000, repeat('0', 64), b.badge, 'bench', '{}', 'bench', gd.rec,
                (1 + (2147483647 & hashint4(gd.i * 3 + k)) % 9000)::text,
                (array['QĐ-UBND','UBND-VP','GCN-VPĐK','TB-UBND','KH-UBND'])[(2147483647 & hashint4(gd.i * 3 + k + 1)) % 5 + 1],
                (array['Quyết định','Công văn','Giấy chứng nhận','Thông báo','Kế hoạch'])[(2147483647 & hashint4(gd.i * 3 + k + 1)) % 5 + 1],
                (array['Nguyễn Văn Bình','Trần Thị Lan','Lê Hoàng Nam','Phạm Quốc Việt','Đỗ Minh Tâm'])[(2147483647 & hashint4(gd.i + k)) % 5 + 1],
                b.badge,
                (array['Quyết định','Công văn','Giấy chứng nhận','Thông báo','Kế hoạch'])[(2147483647 & hashint4(gd.i * 3 + k + 1)) % 5 + 1]
                  || ' về việc ' || s.subject || ' tại ' || p.place || ' cho ông (bà) ' || gd.name
                  || '. Căn cứ Luật Tổ chức chính quyền địa phương; căn cứ hồ sơ đề nghị của công dân đã được tiếp nhận ngày '
                  || to_char(gd.rec, 'DD/MM/YYYY') || '. Các phòng, ban liên quan chịu trách nhiệm thi hành.'
              from gd cross join generate_series(1, 3) k
              cross join lateral (select (array['GREEN','GREEN','GREY','RED'])[(2147483647 & hashint4(gd.i + 99 * k)) % 4 + 1] as badge) b
              cross join lateral (select (array['cấp giấy phép xây dựng','đăng ký khai sinh','chuyển mục đích sử dụng đất',
                  'xác nhận tình trạng hôn nhân','đăng ký kết hôn','chứng thực bản sao','đăng ký hộ kinh doanh',
                  'cấp giấy chứng nhận quyền sử dụng đất','đăng ký biến động đất đai','đăng ký khai tử'])[(2147483647 & hashint4(gd.i * 7 + k)) % 10 + 1]
                  || (array['',' lần đầu',' bổ sung',' điều chỉnh'])[(2147483647 & hashint4(gd.i * 11 + k)) % 4 + 1] as subject) s
              cross join lateral (select (array['thôn','tổ dân phố','làng','buôn','khu phố'])[(2147483647 & hashint4(gd.i * 13 + k)) % 5 + 1]
                  || ' ' || (1 + (2147483647 & hashint4(gd.i * 17 + k)) % 30) as place) p;
            do $$ declare r record; begin
              for r in select indexdef from search_indexes loop execute r.indexdef; end loop; end $$;
            vacuum analyze dossier;
            vacuum analyze dossier_history;
            vacuum analyze document
            """;
}
