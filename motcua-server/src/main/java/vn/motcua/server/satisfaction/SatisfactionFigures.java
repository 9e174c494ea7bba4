package vn.motcua.server.satisfaction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The satisfaction figures of an office for a period: ratings given in the period, by answer. The rate is the share of
 * "satisfied" among all ratings, in percent with two decimals like the report's other rates, empty without ratings.
 */
public record SatisfactionFigures(String officeId, int ratings, int satisfied, int neutral, int dissatisfied) {

    public Optional<BigDecimal> rate() {
        if (ratings == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(satisfied).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(ratings), 2, RoundingMode.HALF_UP));
    }
}
