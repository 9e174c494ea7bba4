package vn.motcua.server.satisfaction;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.server.security.DeskUser;

/** Ratings over HTTP: the citizen's (no login, with the check digits) and the one recorded at the counter. */
@RestController
@Tag(name = "satisfaction")
public class SatisfactionApi {

    private final Satisfaction satisfaction;

    public SatisfactionApi(Satisfaction satisfaction) {
        this.satisfaction = satisfaction;
    }

    /** @param check the last 4 digits of the applicant's phone or ID number (public rating only) */
    public record RatingRequest(String rating, String comment, String check) {
    }

    /** What the public endpoint answers: no comment, no personal data. */
    public record Accepted(String code, Rating rating, java.time.Instant ratedAt) {
    }

    @PostMapping("/api/public/lookup/{code}/rating")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The citizen rates a returned dossier once: code plus the last 4 digits of the phone or ID number")
    public Accepted rateOnline(@PathVariable String code, @RequestBody RatingRequest body) {
        GivenRating g = satisfaction.rateOnline(code, body.check(), body.rating(), body.comment());
        return new Accepted(code.strip(), g.rating(), g.ratedAt());
    }

    @PostMapping("/api/dossiers/{id}/rating")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Reception records the rating the citizen gave at the counter (receiving office only)")
    public GivenRating recordAtCounter(@AuthenticationPrincipal DeskUser user, @PathVariable long id,
                                       @RequestBody RatingRequest body) {
        return satisfaction.recordAtCounter(user, id, body.rating(), body.comment());
    }
}
