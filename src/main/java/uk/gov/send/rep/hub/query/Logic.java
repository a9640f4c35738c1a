package uk.gov.send.rep.hub.query;

import org.neo4j.cypherdsl.core.Condition;
import org.neo4j.cypherdsl.core.Cypher;

/**
 * {@code a AND b} and {@code a OR b} exactly as Cypher-DSL's {@link Condition#and} and
 * {@link Condition#or} build them, without the cost those calls have when {@code a} is a plain
 * condition (a comparison, an {@code EXISTS}): Cypher-DSL 2025.2 then checks the operator with a
 * message built eagerly, which renders the operator through a renderer (its {@code toString}),
 * on every call. In a JFR profile of a page of plans that was the largest single part of building
 * the statement (docs/benchmark.md, cause 15). Starting from {@link Cypher#noCondition()} builds the
 * same compound condition, and so the same text, without that check.
 */
final class Logic {

    /** The class of Cypher-DSL's compound conditions (not public), whose own {@code and}/{@code or} do not render. */
    private static final Class<?> COMPOUND = Cypher.noCondition().getClass();

    private Logic() {
    }

    /** {@code a.and(b)}, the same condition. */
    static Condition and(Condition a, Condition b) {
        return COMPOUND.isInstance(a) ? a.and(b) : Cypher.noCondition().and(a).and(b);
    }

    /** {@code a.or(b)}, the same condition. */
    static Condition or(Condition a, Condition b) {
        return COMPOUND.isInstance(a) ? a.or(b) : Cypher.noCondition().or(a).or(b);
    }
}
