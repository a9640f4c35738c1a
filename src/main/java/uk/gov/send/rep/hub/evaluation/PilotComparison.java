package uk.gov.send.rep.hub.evaluation;

import java.util.List;

import uk.gov.send.rep.hub.outcome.Measure;
import uk.gov.send.rep.hub.query.Suppression;
import uk.gov.send.rep.hub.reform.Reform;

/**
 * Several pilots on one measure (the GraphQL type {@code PilotComparison}).
 *
 * @param measure the measure
 * @param reform the reform the pilots were chosen by, or null
 * @param rows one effect per pilot, in pilot code order
 * @param pooled the pooled estimate when every row tests one reform, else null
 */
public record PilotComparison(Measure measure, Reform reform, List<PilotEffect> rows, Pooled pooled) {

    /** Pilots of one reform pooled by inverse variance (GraphQL {@code PooledEffect}); see {@link Estimates#pool}. */
    public record Pooled(Reform reform, int pilots, Double estimate, Double standardError, Double lower, Double upper,
            Double q, Double iSquared, Double tauSquared, Double randomEstimate, Double randomStandardError,
            String reading, Suppression suppressed, String notEstimable) {
    }
}
