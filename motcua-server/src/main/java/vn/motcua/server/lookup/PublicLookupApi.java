package vn.motcua.server.lookup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.server.dossier.DeskException;

import java.util.Locale;

/** The citizen's lookup, no login. */
@RestController
@Tag(name = "public")
public class PublicLookupApi {

    private final PublicLookup lookup;

    public PublicLookupApi(PublicLookup lookup) {
        this.lookup = lookup;
    }

    @GetMapping("/api/public/lookup/{code}")
    @Operation(summary = "Status, due date and office of a dossier by its code (no personal data)")
    public PublicLookup.Status find(@PathVariable String code, Locale locale) {
        return lookup.find(code, locale).orElseThrow(() -> new DeskException(HttpStatus.NOT_FOUND, "error.lookup.notFound"));
    }
}
