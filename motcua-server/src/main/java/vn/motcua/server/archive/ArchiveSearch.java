package vn.motcua.server.archive;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.domain.DomainMessages;
import vn.motcua.domain.calendar.WorkingCalendar;
import vn.motcua.domain.dossier.Channel;
import vn.motcua.domain.dossier.DossierState;
import vn.motcua.domain.dossier.Verdict;
import vn.motcua.domain.office.Office;
import vn.motcua.domain.office.OfficeDirectory;
import vn.motcua.domain.procedure.Procedure;
import vn.motcua.server.audit.PersonalData;
import vn.motcua.server.office.LiveCatalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Archive search over the desk's PostgreSQL tables (V200__search.sql): folded names with trigram similarity for partial
 * and misspelt names, exact ID numbers, full text of the documents' extracted text, facets and paging. Every query is
 * limited to the dossiers the caller's office (or an office below it) received, holds or held.
 */
@Service
public class ArchiveSearch {

    /** Upper bound of one export, so that a careless "export everything" cannot exhaust the server. */
    public static final int MAX_EXPORT_ROWS = 50_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final char MARK_START = '\u0002';
    private static final char MARK_END = '\u0003';

    private final JdbcClient jdbc;
    private final LiveCatalogue catalogue;

    public ArchiveSearch(JdbcClient jdbc, LiveCatalogue catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    /** The office and every office below it in the directory: the dossiers they touched are visible from it. */
    public List<String> scope(String officeId) {
        OfficeDirectory offices = catalogue.offices();
        return offices.byId(officeId).map(o -> offices.withDescendants(o).stream().map(Office::id).toList())
                .orElse(List.of(officeId));
    }

    public ArchiveResult search(ArchiveQuery q, List<String> scope, Locale locale) {
        Filter f = filter(q, scope);
        Map<String, Map<String, Long>> raw = emptyFacets();
        List<ArchiveHit> hits;
        if (f.selective()) {
            hits = hitsAndFacets(q, f, locale, raw);
        } else {
            // A browse (scope, office, dates, states only): the page comes straight from an index in its sort order,
            // and the facets are an aggregate of their own; materialising every row of the scope would cost more.
            hits = hits(q, f, q.size(), (long) q.page() * q.size(), locale);
            facetCounts(f, raw);
        }
        Map<String, List<ArchiveResult.Facet>> facets = facets(raw, locale);
        long total = facets.get("state").stream().mapToLong(ArchiveResult.Facet::count).sum();
        return new ArchiveResult(total, q.page(), q.size(), hits, facets);
    }

    /** Every hit of the query (in its order, no snippets), at most {@link #MAX_EXPORT_ROWS}, one at a time. */
    public int export(ArchiveQuery q, List<String> scope, Locale locale, Consumer<ArchiveHit> sink) {
        Filter f = filter(q, scope);
        int[] n = {0};
        String sql = select(q, f, false) + " limit " + MAX_EXPORT_ROWS;
        jdbc.sql(sql).params(f.params).query((ResultSet rs) -> {
            sink.accept(hit(rs, locale, null));
            n[0]++;
        });
        return n[0];
    }

    private List<ArchiveHit> hits(ArchiveQuery q, Filter f, int limit, long offset, Locale locale) {
        String sql = select(q, f, true) + " limit :limit offset :offset";
        Map<String, Object> params = new HashMap<>(f.params);
        params.put("limit", limit);
        params.put("offset", offset);
        List<ArchiveHit> hits = jdbc.sql(sql).params(params)
                .query((rs, i) -> hit(rs, locale, rs.getString("snippet"))).list();
        return hits;
    }

    /**
     * One statement for a selective query: the filter (trigram or full-text index scans, the costly part) runs once into
     * a materialised set, and both the page of hits and the facet counts are read from it. The facets come back as JSON
     * on every row (a lateral join keeps one row when the page is empty).
     */
    private List<ArchiveHit> hitsAndFacets(ArchiveQuery q, Filter f, Locale locale, Map<String, Map<String, Long>> raw) {
        String sql = "with d as materialized (select " + COLUMNS + ", " + score(f) + " as score from dossier d where "
                + f.where + "), f as (" + """
                  select coalesce(json_agg(json_build_array(k, v, n)), '[]'::json) as facets from (
                    select case when grouping(state) = 0 then 'state' when grouping(channel) = 0 then 'channel'
                             when grouping(receiving_office) = 0 then 'office'
                             when grouping(procedure_code) = 0 then 'procedure' else 'verdict' end as k,
                           coalesce(state, channel, receiving_office, procedure_code, verdict) as v, count(*) as n
                    from (select state, channel, receiving_office, procedure_code,
                            coalesce(resolved_verdict, 'NONE') as verdict from d) g
                    group by grouping sets ((state), (channel), (receiving_office), (procedure_code), (verdict))) x)
                """ + "select f.facets, p.*, " + snippet(q, "p") + " as snippet from f left join lateral ("
                + "select * from d order by " + order(q.sort()) + ", d.id desc limit :limit offset :offset) p on true"
                + " order by " + order(q.sort()).replace("d.", "p.").replace("score", "p.score") + ", p.id desc";
        Map<String, Object> params = new HashMap<>(f.params);
        params.put("limit", q.size());
        params.put("offset", (long) q.page() * q.size());
        List<ArchiveHit> hits = new ArrayList<>();
        boolean[] counted = {false};
        jdbc.sql(sql).params(params).query((ResultSet rs) -> {
            if (!counted[0]) {
                counted[0] = true;
                for (JsonNode facet : JSON.readTree(rs.getString("facets"))) {
                    raw.get(facet.get(0).asString()).put(facet.get(1).asString(), facet.get(2).asLong());
                }
            }
            if (rs.getObject("id") != null) {
                hits.add(hit(rs, locale, rs.getString("snippet")));
            }
        });
        return hits;
    }

    private static final String COLUMNS = "d.id, d.code, d.procedure_code, d.procedure_version, d.applicant_name,"
            + " d.applicant_id_number, d.channel, d.state, d.receiving_office, d.current_office, d.received_at, d.due_at,"
            + " d.resolved_at, d.resolved_verdict";

    private static String score(Filter f) {
        return f.score.isEmpty() ? "0" : String.join(" + ", f.score);
    }

    /** The best matching document's text, with markers that survive HTML escaping (hit() turns them into <mark>). */
    private static String snippet(ArchiveQuery q, String dossier) {
        if (q.text().isEmpty()) {
            return "null";
        }
        return """
                (select ts_headline('public.motcua_folded', translate(x.extracted_text, chr(2) || chr(3), '  '),
                          websearch_to_tsquery('public.motcua_folded', :text),
                          'StartSel=' || chr(2) || ', StopSel=' || chr(3)
                            || ', MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
                 from document x where x.dossier_id = %s.id
                   and x.text_tsv @@ websearch_to_tsquery('public.motcua_folded', :text)
                 order by ts_rank(x.text_tsv, websearch_to_tsquery('public.motcua_folded', :text)) desc limit 1)"""
                .formatted(dossier);
    }

    private String select(ArchiveQuery q, Filter f, boolean snippets) {
        return "select " + COLUMNS + ", " + score(f) + " as score, " + (snippets ? snippet(q, "d") : "null")
                + " as snippet from dossier d where " + f.where + " order by " + order(q.sort()) + ", d.id desc";
    }

    private static String order(ArchiveQuery.Sort sort) {
        return switch (sort) {
            case RELEVANCE -> "score desc, d.received_at desc";
            case RECEIVED_DESC -> "d.received_at desc";
            case RECEIVED_ASC -> "d.received_at asc";
            case DUE_ASC -> "d.due_at asc nulls last";
            case RESOLVED_DESC -> "d.resolved_at desc nulls last";
            case CODE -> "d.code asc";
        };
    }

    private ArchiveHit hit(ResultSet rs, Locale locale, String snippet) throws SQLException {
        String procedureCode = rs.getString("procedure_code");
        Optional<Procedure> procedure = catalogue.procedures().version(procedureCode, rs.getInt("procedure_version"));
        return new ArchiveHit(rs.getLong("id"), rs.getString("code"), procedureCode,
                procedure.map(p -> p.name(locale)).orElse(procedureCode),
                procedure.map(p -> field(p, locale)).orElse(""),
                rs.getString("applicant_name"), PersonalData.mask(rs.getString("applicant_id_number")),
                rs.getString("channel"), rs.getString("state"), rs.getString("receiving_office"),
                rs.getString("current_office"), instant(rs, "received_at"), instant(rs, "due_at"),
                instant(rs, "resolved_at"), rs.getString("resolved_verdict"), rs.getDouble("score"),
                snippet == null ? null : highlight(snippet));
    }

    /** Escapes the text, then turns the headline markers into {@code <mark>}: document text never reaches a page raw. */
    static String highlight(String marked) {
        return HtmlUtils.htmlEscape(marked, "UTF-8").replace(String.valueOf(MARK_START), "<mark>")
                .replace(String.valueOf(MARK_END), "</mark>");
    }

    private static Map<String, Map<String, Long>> emptyFacets() {
        Map<String, Map<String, Long>> raw = new LinkedHashMap<>();
        for (String facet : List.of("state", "channel", "office", "procedure", "verdict")) {
            raw.put(facet, new HashMap<>());
        }
        return raw;
    }

    private void facetCounts(Filter f, Map<String, Map<String, Long>> raw) {
        jdbc.sql("""
                        select grouping(d.state) = 0 as by_state, grouping(d.channel) = 0 as by_channel,
                          grouping(d.receiving_office) = 0 as by_office, grouping(d.procedure_code) = 0 as by_procedure,
                          d.state, d.channel, d.receiving_office, d.procedure_code,
                          coalesce(d.resolved_verdict, 'NONE') as verdict, count(*) as n
                        from dossier d where\s""" + f.where + " " + """
                         group by grouping sets ((d.state), (d.channel), (d.receiving_office), (d.procedure_code),
                          (coalesce(d.resolved_verdict, 'NONE')))""")
                .params(f.params)
                .query((ResultSet rs) -> {
                    long n = rs.getLong("n");
                    if (rs.getBoolean("by_state")) {
                        raw.get("state").put(rs.getString("state"), n);
                    } else if (rs.getBoolean("by_channel")) {
                        raw.get("channel").put(rs.getString("channel"), n);
                    } else if (rs.getBoolean("by_office")) {
                        raw.get("office").put(rs.getString("receiving_office"), n);
                    } else if (rs.getBoolean("by_procedure")) {
                        raw.get("procedure").put(rs.getString("procedure_code"), n);
                    } else {
                        raw.get("verdict").put(rs.getString("verdict"), n);
                    }
                });
    }

    private Map<String, List<ArchiveResult.Facet>> facets(Map<String, Map<String, Long>> raw, Locale locale) {
        Map<String, Long> fields = new HashMap<>();
        raw.get("procedure").forEach((code, n) -> fields.merge(fieldOf(code, locale), n, Long::sum));
        raw.put("field", fields);
        Map<String, List<ArchiveResult.Facet>> facets = new LinkedHashMap<>();
        raw.forEach((facet, counts) -> facets.put(facet, counts.entrySet().stream()
                .map(e -> new ArchiveResult.Facet(e.getKey(), label(facet, e.getKey(), locale), e.getValue()))
                .sorted(Comparator.comparingLong(ArchiveResult.Facet::count).reversed()
                        .thenComparing(ArchiveResult.Facet::value))
                .toList()));
        return facets;
    }

    private String label(String facet, String value, Locale locale) {
        return switch (facet) {
            case "state" -> DomainMessages.format(locale, DossierState.valueOf(value).labelKey());
            case "channel" -> DomainMessages.format(locale, Channel.valueOf(value).labelKey());
            case "office" -> catalogue.offices().byId(value).map(o -> o.name(locale)).orElse(value);
            case "procedure" -> catalogue.procedures().versions(value).stream().reduce((a, b) -> b)
                    .map(p -> p.name(locale))
                    .orElse(value);
            case "verdict" -> "NONE".equals(value) ? "—" : DomainMessages.format(locale, Verdict.valueOf(value).labelKey());
            default -> value;
        };
    }

    private String fieldOf(String procedureCode, Locale locale) {
        return catalogue.procedures().versions(procedureCode).stream().reduce((a, b) -> b).map(p -> field(p, locale))
                .orElse("");
    }

    private static String field(Procedure p, Locale locale) {
        return "vi".equals(locale.getLanguage()) ? p.fieldVi() : p.fieldEn();
    }

    /** The procedures whose field (in either language, case-insensitively) is the given one. */
    private String[] proceduresOfField(String field) {
        return catalogue.procedures().all().stream()
                .filter(p -> p.fieldVi().equalsIgnoreCase(field) || p.fieldEn().equalsIgnoreCase(field))
                .map(Procedure::nationalCode).distinct().toArray(String[]::new);
    }

    /** {@code selective}: a name, code, ID number or document criterion narrows the rows down through its own index. */
    private record Filter(String where, Map<String, Object> params, List<String> score, boolean selective) {
    }

    private Filter filter(ArchiveQuery q, List<String> scope) {
        List<String> and = new ArrayList<>();
        List<String> score = new ArrayList<>();
        Map<String, Object> p = new HashMap<>();
        if (q.office().isEmpty() || !scope.contains(q.office().get())) {
            and.add("d.involved_offices && cast(:scope as text[])");
            p.put("scope", scope.toArray(String[]::new));
        }
        // else: the receiving office is always among the involved ones, so a receiving office inside the scope already
        // keeps the query inside it, and the planner is spared a scan of the office's whole history in that index.
        q.code().ifPresent(c -> {
            and.add("d.code ilike :code escape '\\'");
            p.put("code", "%" + likeEscape(c) + "%");
        });
        q.name().ifPresent(n -> {
            // A fragment (contained in the folded name) or a close spelling of a word sequence (trigram word similarity).
            // With an office the (office, received) index is selective and common name trigrams are not: the column is
            // then wrapped so the planner filters those rows instead of intersecting huge trigram bitmaps with them.
            String column = q.office().isPresent() ? "coalesce(d.applicant_name_folded, '')" : "d.applicant_name_folded";
            and.add("(" + column + " like '%' || motcua_fold(:nameLike) || '%' escape '\\'"
                    + " or motcua_fold(:name) <% " + column + ")");
            score.add("word_similarity(motcua_fold(:name), d.applicant_name_folded)");
            p.put("name", n);
            p.put("nameLike", likeEscape(n));
        });
        q.idNumber().ifPresent(n -> {
            and.add("d.applicant_id_number = :idNumber");
            p.put("idNumber", n);
        });
        q.procedure().ifPresent(c -> {
            and.add("d.procedure_code = :procedure");
            p.put("procedure", c);
        });
        q.field().ifPresent(fi -> {
            and.add("d.procedure_code = any(cast(:fieldProcedures as text[]))");
            p.put("fieldProcedures", proceduresOfField(fi));
        });
        q.office().ifPresent(o -> {
            and.add("d.receiving_office = :office");
            p.put("office", o);
        });
        q.channel().ifPresent(c -> {
            and.add("d.channel = :channel");
            p.put("channel", c.name());
        });
        q.state().ifPresent(s -> {
            and.add("d.state = :state");
            p.put("state", s.name());
        });
        q.verdict().ifPresent(v -> {
            and.add("d.resolved_verdict = :verdict");
            p.put("verdict", v.name());
        });
        range(q.received(), "d.received_at", "received", and, p);
        range(q.due(), "d.due_at", "due", and, p);
        range(q.resolved(), "d.resolved_at", "resolved", and, p);
        if (q.documentCriteria()) {
            List<String> doc = new ArrayList<>();
            q.docNumber().ifPresent(n -> {
                doc.add("x.doc_number = :docNumber");
                p.put("docNumber", n);
            });
            q.docSymbol().ifPresent(s -> {
                doc.add("x.doc_symbol_folded = motcua_fold(:docSymbol)");
                p.put("docSymbol", s);
            });
            q.docType().ifPresent(t -> {
                doc.add("x.doc_type_folded = motcua_fold(:docType)");
                p.put("docType", t);
            });
            q.signer().ifPresent(s -> {
                doc.add("x.signer_folded like '%' || motcua_fold(:signer) || '%' escape '\\'");
                p.put("signer", likeEscape(s));
            });
            q.signatureVerdict().ifPresent(v -> {
                doc.add("x.signature_verdict = :signatureVerdict");
                p.put("signatureVerdict", v);
            });
            q.text().ifPresent(t -> {
                List<String> pairs = phrasePairs(t);
                if (pairs.isEmpty()) {
                    doc.add("x.text_tsv @@ websearch_to_tsquery('public.motcua_folded', :text)");
                } else {
                    // The word-pair index narrows the documents down; the phrase itself is then checked on each of
                    // them (the function form, so that the planner does not also scan the words' index).
                    for (int i = 0; i < pairs.size(); i++) {
                        doc.add("x.text_pairs @@ cast(:pairs" + i + " as tsquery)");
                        p.put("pairs" + i, pairs.get(i));
                    }
                    doc.add("ts_match_vq(x.text_tsv, websearch_to_tsquery('public.motcua_folded', :text))");
                }
                score.add("coalesce((select max(ts_rank(x.text_tsv, websearch_to_tsquery('public.motcua_folded', :text)))"
                        + " from document x where x.dossier_id = d.id), 0)");
                p.put("text", t);
            });
            and.add("exists (select 1 from document x where x.dossier_id = d.id and " + String.join(" and ", doc) + ")");
        }
        boolean selective = q.name().isPresent() || q.code().isPresent() || q.idNumber().isPresent()
                || q.documentCriteria();
        return new Filter(String.join(" and ", and), p, score, selective);
    }

    /**
     * The word pairs (V207__search_word_pairs.sql) of each quoted phrase that every hit must contain: none when the query
     * has an OR (a phrase is then optional) or only negated or one-word phrases.
     */
    private List<String> phrasePairs(String text) {
        if (OR_WORD.matcher(text).find()) {
            return List.of();
        }
        List<String> pairs = new ArrayList<>();
        Matcher m = PHRASE.matcher(text);
        while (m.find()) {
            if (m.group(1).isEmpty()) {
                String query = jdbc.sql("select cast(motcua_phrase_pairs(?) as text)").param(m.group(2))
                        .query((rs, i) -> rs.getString(1)).single();
                if (query != null) {
                    pairs.add(query);
                }
            }
        }
        return pairs;
    }

    private static final Pattern PHRASE = Pattern.compile("(-?)\"([^\"]*)\"");
    private static final Pattern OR_WORD = Pattern.compile("(?i)(^|\\s)or(\\s|$)");

    private static void range(ArchiveQuery.DateRange r, String column, String name, List<String> and,
                              Map<String, Object> p) {
        r.from().ifPresent(d -> {
            and.add(column + " >= :" + name + "From");
            p.put(name + "From", startOf(d));
        });
        r.to().ifPresent(d -> {
            and.add(column + " < :" + name + "To");
            p.put(name + "To", startOf(d.plusDays(1)));
        });
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(WorkingCalendar.ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
