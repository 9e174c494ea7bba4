package vn.motcua.server.archive;

import java.util.List;
import java.util.Map;

/** A page of hits, the total, and the facets of the whole result (value → count, largest first). */
public record ArchiveResult(long total, int page, int size, List<ArchiveHit> hits, Map<String, List<Facet>> facets) {

    public record Facet(String value, String label, long count) {
    }

    public int pages() {
        return (int) ((total + size - 1) / size);
    }
}
