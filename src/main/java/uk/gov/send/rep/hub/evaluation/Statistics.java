package uk.gov.send.rep.hub.evaluation;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The distributions behind every interval and p-value of the evaluation, from commons-math3
 * (never hand-written), and the two-sided 95% level they are read at.
 */
final class Statistics {

    /** Two-sided coverage of every interval. */
    static final double LEVEL = 0.95;

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private Statistics() {
    }

    /**
     * The quantile that leaves (1 - LEVEL) / 2 in the upper tail: of Student's t with
     * {@code degreesOfFreedom}, or of the standard normal when it is null or infinite.
     */
    static double critical(Double degreesOfFreedom) {
        double p = 1 - (1 - LEVEL) / 2;
        if (degreesOfFreedom == null || degreesOfFreedom.isInfinite()) {
            return NORMAL.inverseCumulativeProbability(p);
        }
        return new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(p);
    }

    /** Two-sided p-value of {@code estimate / standardError} (t or normal as in {@link #critical}). */
    static Double pValue(double estimate, double standardError, Double degreesOfFreedom) {
        if (!(standardError > 0)) {
            return null;
        }
        double z = Math.abs(estimate / standardError);
        double tail = degreesOfFreedom == null || degreesOfFreedom.isInfinite()
            ? NORMAL.cumulativeProbability(-z)
            : new TDistribution(null, degreesOfFreedom).cumulativeProbability(-z);
        return 2 * tail;
    }

    /**
     * Welch-Satterthwaite degrees of freedom of a sum of independent variances {@code variances[i]}
     * each estimated with {@code df[i]} degrees of freedom; null when it cannot be formed (a zero
     * total, or a part with no degrees of freedom).
     */
    static Double welchSatterthwaite(double[] variances, double[] df) {
        double total = 0;
        double denominator = 0;
        for (int i = 0; i < variances.length; i++) {
            if (df[i] <= 0) {
                return null;
            }
            total += variances[i];
            denominator += variances[i] * variances[i] / df[i];
        }
        if (!(total > 0) || !(denominator > 0)) {
            return null;
        }
        return total * total / denominator;
    }
}
