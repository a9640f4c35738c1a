package uk.gov.send.rep.hub.evaluation;

import uk.gov.send.rep.hub.period.Period;
import uk.gov.send.rep.hub.query.Suppression;

/**
 * The value of one line of a series in one period (the GraphQL type {@code SeriesPoint}).
 *
 * @param period the period
 * @param n units with a value (a {@code Long}), or {@code "c"} when suppressed
 * @param missing observations in the period with no value
 * @param value 100 × numerator / denominator (rates) or the mean (means); null when suppressed
 *     or when no unit has a value
 * @param numerator sum of the numerators (rates)
 * @param denominator sum of the denominators (rates)
 * @param sd standard deviation of the units' values (means)
 * @param standardError binomial (rates) or sd/√n (means)
 * @param lower lower end of the 95% interval
 * @param upper upper end of the 95% interval
 * @param suppressed why the figures are withheld, or null
 */
public record SeriesPoint(Period period, Object n, int missing, Double value, Double numerator, Double denominator,
        Double sd, Double standardError, Double lower, Double upper, Suppression suppressed) {

    /**
     * A point from its aggregates: {@code n} units with a value, their summed numerators and
     * denominators (rates), mean and sample standard deviation (means). A rate's standard error
     * is binomial, sqrt(p(1 - p) / denominator), with a normal interval; a mean's is sd/√n with a
     * t interval on n - 1 degrees of freedom.
     */
    public static SeriesPoint of(Period period, ValueKind kind, long n, long missing, Double numerator,
            Double denominator, Double mean, Double sd) {
        if (n == 0) {
            return new SeriesPoint(period, 0L, Math.toIntExact(missing), null, null, null, null, null, null, null, null);
        }
        if (kind == ValueKind.RATE) {
            if (denominator == null || !(denominator > 0)) {
                return new SeriesPoint(period, n, Math.toIntExact(missing), null, numerator, denominator, null, null,
                    null, null, null);
            }
            double p = numerator / denominator;
            double se = 100 * Math.sqrt(p * (1 - p) / denominator);
            double z = Statistics.critical(null);
            double value = 100 * p;
            return new SeriesPoint(period, n, Math.toIntExact(missing), value, numerator, denominator, null, se,
                value - z * se, value + z * se, null);
        }
        if (n < 2 || sd == null) {
            return new SeriesPoint(period, n, Math.toIntExact(missing), mean, null, null, null, null, null, null, null);
        }
        double se = sd / Math.sqrt(n);
        double t = Statistics.critical((double) (n - 1));
        return new SeriesPoint(period, n, Math.toIntExact(missing), mean, null, null, sd, se, mean - t * se,
            mean + t * se, null);
    }

    /** This point withheld: {@code n} shows {@code c}, every figure is null. */
    public SeriesPoint suppress(Suppression why) {
        return new SeriesPoint(period, Suppression.SYMBOL, missing, null, null, null, null, null, null, null, why);
    }
}
