package vn.motcua.server.office;

import org.springframework.http.HttpStatus;
import vn.motcua.server.dossier.DeskException;

import java.util.List;

/**
 * A catalogue change refused as a whole (nothing was written): the problems found, each with the JSON path it concerns,
 * first ones only. Rendered as an RFC 9457 problem whose {@code errors} list carries every problem in Vietnamese and English.
 */
public class CatalogueImportException extends DeskException {

    private final List<CatalogueJson.Problem> problems;

    CatalogueImportException(List<CatalogueJson.Problem> problems) {
        this(HttpStatus.BAD_REQUEST, problems);
    }

    CatalogueImportException(HttpStatus status, List<CatalogueJson.Problem> problems) {
        super(status, "admin.json.refused", problems.size());
        this.problems = List.copyOf(problems);
    }

    List<CatalogueJson.Problem> problems() {
        return problems;
    }
}
