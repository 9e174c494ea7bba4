package vn.motcua.server.archive;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import vn.motcua.domain.dossier.Action;
import vn.motcua.domain.dossier.Channel;
import vn.motcua.domain.office.Role;
import vn.motcua.server.Desk;
import vn.motcua.server.ServerTest;
import vn.motcua.server.dossier.Applicant;
import vn.motcua.server.report.GeneratedHistory;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.server.report.GeneratedHistory.AYUN_PA;
import static vn.motcua.server.report.GeneratedHistory.DOAN_KET;
import static vn.motcua.server.report.GeneratedHistory.HOA_BINH;
import static vn.motcua.server.report.GeneratedHistory.at;

/** Archive search on a generated data set of two wards (and their district), through the HTTP API. */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchiveSearchTest {

    /** name → ID number; the first six at phường Đoàn Kết, the last two at phường Hòa Bình. */
    static final Map<String, String> PEOPLE = new LinkedHashMap<>();

    static {
        PEOPLE.put("Nguyễn Văn An", "079100000001");
        PEOPLE.put("Nguyễn Thị Ánh Tuyết", "079100000002");
        PEOPLE.put("Trần Đức Thắng", "079100000003");
        PEOPLE.put("Lê Thị Đào", "079100000004");
        PEOPLE.put("Đặng Quốc Bảo", "079100000005");
        PEOPLE.put("Phạm Minh Châu", "079100000006");
        PEOPLE.put("Nguyễn Văn Anh", "079200000001");
        PEOPLE.put("Đỗ Thị Hằng", "079200000002");
    }

    @Autowired
    Desk desk;
    @Autowired
    GeneratedHistory history;
    @Autowired
    JdbcClient jdbc;

    final Map<String, Long> ids = new LinkedHashMap<>();

    @BeforeAll
    void generate() {
        int i = 0;
        for (Map.Entry<String, String> p : PEOPLE.entrySet()) {
            String office = i < 6 ? DOAN_KET : HOA_BINH;
            var when = at("2024-03-%02dT09:%02d".formatted(4 + i, 10 + i));
            List<java.util.function.UnaryOperator<vn.motcua.domain.dossier.Dossier>> steps = new ArrayList<>();
            if (i % 2 == 0) {
                steps.add(history.act(new Action.TransferToProcessing(""), Role.RECEPTION, office, when.plusSeconds(600)));
                steps.add(history.act(new Action.SubmitForApproval(""), Role.SPECIALIST, office, when.plusSeconds(1200)));
                steps.add(history.act(new Action.Approve(""), Role.LEADER, office, when.plusSeconds(1800)));
                steps.add(history.act(new Action.SignResult(""), Role.LEADER, office, when.plusSeconds(2400)));
            }
            ids.put(p.getKey(), history.store("1.001193", office, i == 1 ? Channel.ONLINE : Channel.COUNTER, when,
                    new Applicant(p.getKey(), p.getValue(), null, null, null), steps));
            i++;
        }
        history.document(ids.get("Trần Đức Thắng"), """
                {"number":"123","symbol":"QĐ-UBND","type":"Quyết định","signer":"Nguyễn Văn Bình",
                 "text":"Quyết định (hạng a < b & c <script>x()</script>) về việc đăng ký hộ kinh doanh cho ông Trần Đức Thắng"}""",
                "GREEN");
        history.document(ids.get("Lê Thị Đào"), """
                {"number":"45","symbol":"UBND-VP","type":"Công văn","signer":"Trần Thị Lan",
                 "text":"Công văn về việc xác minh hộ kinh doanh và đăng ký khai sinh"}""", "RED");
    }

    private MvcResult search(String office, Role role, String query) throws Exception {
        return desk.get(office, role, "/api/archive/search?" + query);
    }

    private List<Integer> foundIds(String office, String query) throws Exception {
        MvcResult r = search(office, Role.ARCHIVIST, query);
        assertThat(r.getResponse().getStatus()).as(Desk.body(r)).isEqualTo(200);
        return Desk.read(r, "$.hits[*].id");
    }

    private int id(String name) {
        return ids.get(name).intValue();
    }

    @Test
    void diacriticFreeNamesFindThePeopleAndRankTheClosestFirst() throws Exception {
        List<Integer> found = foundIds(DOAN_KET, "name=nguyen van an");
        assertThat(found).contains(id("Nguyễn Văn An")).doesNotContain(id("Nguyễn Văn Anh"));   // other ward: out of scope
        assertThat(found.get(0)).isEqualTo(id("Nguyễn Văn An"));
        assertThat(foundIds(DOAN_KET, "name=NGUYỄN VĂN AN")).first().isEqualTo(id("Nguyễn Văn An"));
        // đ folds to d, both ways.
        assertThat(foundIds(DOAN_KET, "name=le thi dao")).containsExactly(id("Lê Thị Đào"));
        assertThat(foundIds(DOAN_KET, "name=Đặng")).containsExactly(id("Đặng Quốc Bảo"));
    }

    @Test
    void partialAndMisspeltNamesFindThePeople() throws Exception {
        assertThat(foundIds(DOAN_KET, "name=thang")).containsExactly(id("Trần Đức Thắng"));
        assertThat(foundIds(DOAN_KET, "name=anh tuy")).containsExactly(id("Nguyễn Thị Ánh Tuyết"));
        assertThat(foundIds(DOAN_KET, "name=minh chau")).containsExactly(id("Phạm Minh Châu"));
        // One wrong letter and one missing letter still find the person (trigram word similarity).
        assertThat(foundIds(DOAN_KET, "name=tran duc thangg")).contains(id("Trần Đức Thắng"));
        assertThat(foundIds(DOAN_KET, "name=pham minh chou")).contains(id("Phạm Minh Châu"));
        // The district sees both of its wards.
        assertThat(foundIds(AYUN_PA, "name=nguyen van an")).contains(id("Nguyễn Văn An"), id("Nguyễn Văn Anh"));
        // With an office the same name criteria hold (another plan, same meaning).
        assertThat(foundIds(AYUN_PA, "name=nguyen van an&office=doan-ket")).contains(id("Nguyễn Văn An"))
                .doesNotContain(id("Nguyễn Văn Anh"));
        assertThat(foundIds(AYUN_PA, "name=tran duc thangg&office=doan-ket")).contains(id("Trần Đức Thắng"));
        assertThat(foundIds(DOAN_KET, "name=zzzz qqqq")).isEmpty();
    }

    @Test
    void idNumbersMatchExactlyAndAreNeverShownUnmasked() throws Exception {
        MvcResult r = search(DOAN_KET, Role.ARCHIVIST, "idNumber=079100000003");
        assertThat(Desk.<List<Integer>>read(r, "$.hits[*].id")).containsExactly(id("Trần Đức Thắng"));
        assertThat(Desk.<String>read(r, "$.hits[0].idNumberMasked")).isEqualTo("*********003");
        assertThat(foundIds(DOAN_KET, "idNumber=07910000000")).isEmpty();   // a prefix is not a match
        String all = Desk.body(search(AYUN_PA, Role.ARCHIVIST, "name=nguyen&size=100"));
        PEOPLE.values().forEach(n -> assertThat(all).doesNotContain(n));
        // Another ward's applicant cannot be found by ID number either.
        assertThat(foundIds(DOAN_KET, "idNumber=079200000001")).isEmpty();
    }

    @Test
    void documentNumberSymbolTypeSignerAndSignatureVerdict() throws Exception {
        int thang = id("Trần Đức Thắng");
        assertThat(foundIds(DOAN_KET, "docNumber=123/QĐ-UBND")).containsExactly(thang);
        assertThat(foundIds(DOAN_KET, "docNumber=123/qd-ubnd")).containsExactly(thang);
        assertThat(foundIds(DOAN_KET, "docNumber=123/UBND-VP")).isEmpty();
        assertThat(foundIds(DOAN_KET, "docType=quyet dinh")).containsExactly(thang);
        assertThat(foundIds(DOAN_KET, "signer=van binh")).containsExactly(thang);
        assertThat(foundIds(DOAN_KET, "signatureVerdict=red")).containsExactly(id("Lê Thị Đào"));
        // Document criteria hold for one and the same document.
        assertThat(foundIds(DOAN_KET, "docNumber=123&signatureVerdict=RED")).isEmpty();
    }

    @Test
    void fullTextFindsPhrasesWithoutDiacriticsAndHighlightsEscapedSnippets() throws Exception {
        MvcResult r = search(DOAN_KET, Role.ARCHIVIST, "text=\"dang ky ho kinh doanh\"");
        assertThat(Desk.<List<Integer>>read(r, "$.hits[*].id")).containsExactly(id("Trần Đức Thắng"));
        String snippet = Desk.read(r, "$.hits[0].snippetHtml");
        assertThat(snippet).contains("<mark>đăng</mark> <mark>ký</mark> <mark>hộ</mark>")
                .contains("a &lt; b &amp; c").doesNotContain("<script");
        // Words in any order match both documents; the phrase only one.
        assertThat(foundIds(DOAN_KET, "text=kinh doanh dang ky")).containsExactlyInAnyOrder(id("Trần Đức Thắng"),
                id("Lê Thị Đào"));
        assertThat(foundIds(DOAN_KET, "text=khai sinh -quyet")).containsExactly(id("Lê Thị Đào"));
    }

    @Test
    void phrasesCombineWithOrAndNegation() throws Exception {
        assertThat(foundIds(DOAN_KET, "text=\"dang ky ho kinh doanh\" or \"xac minh\""))
                .containsExactlyInAnyOrder(id("Trần Đức Thắng"), id("Lê Thị Đào"));
        assertThat(foundIds(DOAN_KET, "text=kinh doanh -\"dang ky ho\"")).containsExactly(id("Lê Thị Đào"));
        assertThat(foundIds(DOAN_KET, "text=\"ho kinh doanh\" \"khai sinh\"")).containsExactly(id("Lê Thị Đào"));
        assertThat(foundIds(DOAN_KET, "text=\"kinh doanh dang ky\"")).isEmpty();
    }

    /**
     * The word-pair index (V207) may only narrow the phrase search down, never change it: for phrases cut from every
     * stored document text at random (punctuation, numbers, symbols, repeated words included), the documents that hold
     * the phrase are exactly those that hold it and all of its pairs.
     */
    @Test
    void thePhrasePairIndexIsAPreFilterThatNeverLosesAMatch() {
        history.document(ids.get("Đỗ Thị Hằng"), """
                {"number":"15","symbol":"UBND-VP","type":"Công văn",
                 "text":"Số: 15/UBND-VP, V/v cấp giấy phép xây dựng tại thôn 12; cấp giấy phép xây dựng tại thôn 12-A (lần 2) - Đ/c Đỗ Thị Hằng, e-mail hang.do@example.vn"}""",
                "GREY");
        List<String> texts = jdbc.sql("select extracted_text from document where extracted_text is not null")
                .query(String.class).list();
        java.util.Random random = new java.util.Random(20261123);
        int checked = 0;
        for (String text : texts) {
            String[] words = text.split(" ");
            for (int n = 0; n < 25; n++) {
                int from = random.nextInt(words.length);
                int to = Math.min(words.length, from + 2 + random.nextInt(5));
                String phrase = String.join(" ", java.util.Arrays.copyOfRange(words, from, to)).replace("\"", "");
                long plain = jdbc.sql("""
                                select count(*) from document
                                where text_tsv @@ websearch_to_tsquery('public.motcua_folded', '"' || :p || '"')""")
                        .param("p", phrase).query(Long.class).single();
                long filtered = jdbc.sql("""
                                select count(*) from document
                                where text_tsv @@ websearch_to_tsquery('public.motcua_folded', '"' || :p || '"')
                                  and (motcua_phrase_pairs(:p) is null or text_pairs @@ motcua_phrase_pairs(:p))""")
                        .param("p", phrase).query(Long.class).single();
                assertThat(filtered).as(phrase).isEqualTo(plain);
                checked += plain > 0 ? 1 : 0;
            }
        }
        assertThat(checked).as("phrases that matched some document").isGreaterThan(50);
    }

    @Test
    void anOfficeFilterOutsideTheScopeFindsNothing() throws Exception {
        assertThat(foundIds(HOA_BINH, "name=do thi hang&office=" + HOA_BINH)).containsExactly(id("Đỗ Thị Hằng"));
        assertThat(foundIds(DOAN_KET, "name=do thi hang&office=" + HOA_BINH)).isEmpty();
        assertThat(foundIds(DOAN_KET, "office=" + HOA_BINH)).isEmpty();
    }

    @Test
    void facetsCountTheWholeResultAndFiltersCombine() throws Exception {
        MvcResult r = search(DOAN_KET, Role.ARCHIVIST, "procedure=1.001193&receivedFrom=2024-03-01&receivedTo=31/03/2024&size=2");
        int total = Desk.<Integer>read(r, "$.total");
        assertThat(total).isEqualTo(6);
        assertThat(Desk.<List<?>>read(r, "$.hits")).hasSize(2);
        List<Integer> stateCounts = Desk.read(r, "$.facets.state[*].count");
        assertThat(stateCounts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(total);
        assertThat(Desk.<List<String>>read(r, "$.facets.channel[?(@.value=='ONLINE')].label")).hasSize(1);
        assertThat(Desk.<List<Integer>>read(r, "$.facets.channel[?(@.value=='ONLINE')].count")).containsExactly(1);
        assertThat(Desk.<List<Integer>>read(r, "$.facets.state[?(@.value=='RESULT_SIGNED')].count")).containsExactly(3);
        assertThat(Desk.<List<String>>read(r, "$.facets.field[*].value")).containsExactly("Hộ tịch");
        // Same-day procedure signed 40 minutes after reception: on time (same day as the due day).
        assertThat(foundIds(DOAN_KET, "procedure=1.001193&receivedFrom=2024-03-01&receivedTo=2024-03-31&verdict=ON_TIME"))
                .containsExactlyInAnyOrder(id("Nguyễn Văn An"), id("Trần Đức Thắng"), id("Đặng Quốc Bảo"));
        assertThat(foundIds(DOAN_KET, "channel=ONLINE&receivedFrom=2024-03-01&receivedTo=2024-03-31")).containsExactly(id("Nguyễn Thị Ánh Tuyết"));
        assertThat(foundIds(DOAN_KET, "field=civil status&receivedFrom=2024-03-06&receivedTo=2024-03-06"))
                .containsExactly(id("Trần Đức Thắng"));
        // Pages: 6 results, 2 per page, sorted by code, no overlaps.
        List<Integer> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            seen.addAll(foundIds(DOAN_KET, "procedure=1.001193&receivedFrom=2024-03-01&receivedTo=2024-03-31&sort=CODE&size=2&page=" + page));
        }
        assertThat(seen).hasSize(6).doesNotHaveDuplicates();
    }

    @Test
    void badParametersAreTypedErrorsInBothLanguages() throws Exception {
        MvcResult r = search(DOAN_KET, Role.ARCHIVIST, "receivedFrom=31-02-2024");
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        assertThat(Desk.<String>read(r, "$.key")).isEqualTo("archive.error.date");
        assertThat(Desk.<String>read(r, "$.vi")).contains("receivedFrom");
        assertThat(Desk.<String>read(r, "$.en")).contains("receivedFrom");
        assertThat(search(DOAN_KET, Role.ARCHIVIST, "receivedFrom=2024-05-01&receivedTo=2024-04-01").getResponse()
                .getStatus()).isEqualTo(400);
        assertThat(search(DOAN_KET, Role.ARCHIVIST, "size=1000").getResponse().getStatus()).isEqualTo(400);
        assertThat(search(DOAN_KET, Role.ARCHIVIST, "state=NOPE").getResponse().getStatus()).isEqualTo(400);
        assertThat(search(DOAN_KET, Role.RECEPTION, "name=an").getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void exportsKeepTheScopeAndMaskIdNumbers() throws Exception {
        MvcResult csv = desk.get(DOAN_KET, Role.ARCHIVIST, "/api/archive/export?format=csv&name=nguyen");
        assertThat(csv.getResponse().getStatus()).as(Desk.body(csv)).isEqualTo(200);
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        String text = csv.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF").contains("Nguyễn Văn An").contains("Nguyễn Thị Ánh Tuyết")
                .contains("*********001").doesNotContain("Nguyễn Văn Anh");
        PEOPLE.values().forEach(n -> assertThat(text).doesNotContain(n));

        MvcResult xlsx = desk.get(AYUN_PA, Role.ARCHIVIST, "/api/archive/export?format=xlsx&name=nguyen van an");
        assertThat(xlsx.getResponse().getStatus()).isEqualTo(200);
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                row.forEach(c -> cells.add(c.getStringCellValue()));
            }
        }
        assertThat(cells).contains("Nguyễn Văn An", "Nguyễn Văn Anh", "*********001");
        PEOPLE.values().forEach(n -> assertThat(cells).doesNotContain(n));
        // Exports are audited without the search values (personal data).
        assertThat(jdbc.sql("select detail from audit_log where action = 'archive.export' order by id desc limit 1")
                .query(String.class).single()).contains("[format, name]").doesNotContain("nguyen");
        assertThat(desk.get(DOAN_KET, Role.RECEPTION, "/api/archive/export?format=csv").getResponse().getStatus())
                .isEqualTo(403);
    }

    @Test
    void theArchivePageShowsResultsFacetsAndExportLinks() throws Exception {
        MvcResult page = desk.get(DOAN_KET, Role.ARCHIVIST, "/archive?name=thang&lang=vi");
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        String html = Desk.body(page);
        assertThat(html).contains("Lưu trữ / Tra cứu hồ sơ").contains("Trần Đức Thắng").contains("*********003")
                .contains("id=\"facets\"").contains("/archive/export?").doesNotContain("079100000003");
        assertThat(desk.get(DOAN_KET, Role.RECEPTION, "/archive").getResponse().getStatus()).isEqualTo(403);
    }
}
