package vn.motcua.server.office;

import vn.motcua.domain.procedure.Procedure;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** Finds procedures by code or by name, ignoring case and Vietnamese diacritics ("khai sinh" finds "Khai sinh"). */
public final class ProcedureSearch {

    private ProcedureSearch() {
    }

    public static List<Procedure> search(List<Procedure> procedures, String query) {
        String q = fold(query);
        if (q.isEmpty()) {
            return procedures;
        }
        return procedures.stream()
                .filter(p -> p.nationalCode().contains(q) || fold(p.nameVi()).contains(q) || fold(p.nameEn()).contains(q))
                .toList();
    }

    static String fold(String s) {
        String decomposed = Normalizer.normalize(s == null ? "" : s.strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return decomposed.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
    }
}
