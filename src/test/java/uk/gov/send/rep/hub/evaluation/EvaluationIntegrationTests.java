package uk.gov.send.rep.hub.evaluation;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.gov.send.rep.hub.database.CypherStatementCounter;
import uk.gov.send.rep.hub.support.RoleClient;
import uk.gov.send.rep.hub.support.RoleClient.Answer;
import uk.gov.send.rep.hub.support.TestGraph;
import uk.gov.send.rep.hub.support.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Pilot evaluation over HTTP with real tokens on a small fixture: series against hand-written
 * Cypher, disclosure control of estimates (a comparison arm of six children comes back suppressed
 * for an evaluator and a lead, in full for NATIONAL, and so does every estimate and pooled
 * estimate that depends on it), the pooled estimate's formulas, clear errors, bounded round trips.
 *
 * <p>Fixture: partnership TST-EVP with member areas TST-EV-A1 and TST-EV-A2, comparison areas
 * TST-EV-B1 and TST-EV-B2 in no partnership. Pilot TST-EV-P (start 1 January 2024): twelve
 * children of A1 in its intervention arm, six of B1 in its comparison arm. Pilot TST-EV-Q (same
 * reform, same start): twelve of A2 and twelve of B2. Four more children of A2 in no cohort. Each
 * child has an absence observation (sessions missed of possible) in the autumn, spring and summer
 * terms of 2023/24; the intervention arms' rates fall after the start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EvaluationIntegrationTests {

    private static final String MEASURE = "TST-EV-ABS";

    @LocalServerPort
    int port;

    @Autowired
    TestTokens tokens;

    @Autowired
    CypherStatementCounter statements;

    @BeforeAll
    static void fixture() {
        TestGraph.run("""
            CREATE (m:Measure {code: 'TST-EV-ABS', name: 'Test absence', unit: 'PERCENT', polarity: 'LOWER_IS_BETTER',
                level: 'CHILD', periodType: 'TERM', definition: 'Test', source: 'Test'})
            CREATE (:Measure {code: 'TST-EV-SET', name: 'Test setting measure', unit: 'COUNT', polarity: 'NEUTRAL',
                level: 'SETTING', periodType: 'TERM', definition: 'Test', source: 'Test'})
            CREATE (r:Reform {code: 'TST-EV-R', name: 'Test reform', strand: 'Test', description: 'Test'})
            CREATE (pp:Partnership {code: 'TST-EVP', name: 'Test evaluation partnership'})
            CREATE (a1:LocalArea {code: 'TST-EV-A1', dfeCode: 'TST-EV-1', name: 'Test A1'})-[:MEMBER_OF {role: 'LEAD'}]->(pp)
            CREATE (a2:LocalArea {code: 'TST-EV-A2', dfeCode: 'TST-EV-2', name: 'Test A2'})-[:MEMBER_OF {role: 'MEMBER'}]->(pp)
            CREATE (b1:LocalArea {code: 'TST-EV-B1', dfeCode: 'TST-EV-3', name: 'Test B1'})
            CREATE (b2:LocalArea {code: 'TST-EV-B2', dfeCode: 'TST-EV-4', name: 'Test B2'})
            CREATE (pp)-[:RUNS]->(p:Pilot {code: 'TST-EV-P', name: 'Test pilot P', start: date('2024-01-01'),
                end: date('2025-08-31'), status: 'ACTIVE'})-[:TESTS]->(r)
            CREATE (pp)-[:RUNS]->(q:Pilot {code: 'TST-EV-Q', name: 'Test pilot Q', start: date('2024-01-01'),
                end: date('2025-08-31'), status: 'ACTIVE'})-[:TESTS]->(r)
            CREATE (p)-[:IN_AREA {arm: 'INTERVENTION'}]->(a1), (p)-[:IN_AREA {arm: 'COMPARISON'}]->(b1)
            CREATE (q)-[:IN_AREA {arm: 'INTERVENTION'}]->(a2), (q)-[:IN_AREA {arm: 'COMPARISON'}]->(b2)
            WITH p, q, a1, a2, b1, b2
            UNWIND [[p, a1, 'INTERVENTION', 12], [p, b1, 'COMPARISON', 6], [q, a2, 'INTERVENTION', 12],
                    [q, b2, 'COMPARISON', 12], [null, a2, null, 4]] AS arm
            WITH arm[0] AS pilot, arm[1] AS area, arm[2] AS armName, arm[3] AS n
            UNWIND range(1, n) AS i
            CREATE (c:Child {ref: 'TST-EV-' + area.code + '-' + coalesce(pilot.code, 'none') + '-' + i, birthYear: 2012,
                sex: 'F', senProvision: 'K'})-[:RESIDENT_IN]->(area)
            FOREACH (_ IN CASE WHEN pilot IS NULL THEN [] ELSE [1] END |
                CREATE (c)-[:IN_COHORT {arm: armName, enrolled: date('2023-09-01')}]->(pilot))
            WITH c, armName, i
            UNWIND [[202324, 'Autumn term', date('2023-09-01'), 0], [202324, 'Spring term', date('2024-01-01'), 1],
                    [202324, 'Summer term', date('2024-04-15'), 2]] AS term
            WITH c, armName, i, term, 140 AS possible,
                 10 + (i % 5) + term[3] - CASE WHEN armName = 'INTERVENTION' AND term[3] > 0 THEN 2 + (i % 3) ELSE 0 END AS missed
            CREATE (c)-[:OBSERVED]->(:Observation {key: 'TST-EV|' + c.ref + '|' + term[1], measure: 'TST-EV-ABS',
                timePeriod: term[0], timeIdentifier: term[1], periodStart: term[2], value: 100.0 * missed / possible,
                numerator: toFloat(missed), denominator: toFloat(possible)})""");
        // Three of Q's comparison children also observed in the autumn of 2024/25: a period of
        // three, which an evaluator may not see, inside a follow-up cell of twelve.
        TestGraph.run("""
            MATCH (c:Child)-[:IN_COHORT {arm: 'COMPARISON'}]->(:Pilot {code: 'TST-EV-Q'})
            WITH c ORDER BY c.ref LIMIT 3
            CREATE (c)-[:OBSERVED]->(:Observation {key: 'TST-EV|' + c.ref + '|Autumn 2024', measure: 'TST-EV-ABS',
                timePeriod: 202425, timeIdentifier: 'Autumn term', periodStart: date('2024-09-01'), value: 10.0,
                numerator: 14.0, denominator: 140.0})""");
    }

    @Autowired
    uk.gov.send.rep.hub.outcome.ObservationSummaries summaries;

    /** The fixture's children's observations summarised per area, as every writer leaves them. */
    @org.junit.jupiter.api.BeforeEach
    void summarise() {
        uk.gov.send.rep.hub.support.FixtureSummaries.ensure(summaries, "TST-EV-ABS");
    }

    @AfterAll
    static void cleanUp() {
        TestGraph.deleteFixtures();
    }

    private Answer ask(String token, String query) {
        return new RoleClient(port).ask(token, query);
    }

    private static String effect(String pilot) {
        return "{ pilot(code: \"" + pilot + "\") { effect(measure: \"" + MEASURE + "\") { estimate standardError lower upper"
            + " reading summary varianceFrom suppressed { symbol reason threshold }"
            + " cells { arm window units observations value suppressed { reason } }"
            + " changes { arm units meanChange suppressed { reason } } parallelTrends { periods note } } } }";
    }

    @Test
    void shouldShowTheSmallArmToNationalOnly() {
        Answer national = ask(tokens.national(), effect("TST-EV-P"));
        assertThat(national.errors()).isEmpty();
        assertThat(national.values("pilot.effect.estimate").getFirst()).isInstanceOf(Number.class);
        assertThat(national.values("pilot.effect.suppressed")).containsExactly((Object) null);
        assertThat(national.values("pilot.effect.cells[*].units")).containsExactly(12, 12, 6, 6);
        assertThat(national.values("pilot.effect.changes[*].units")).containsExactly(12, 6);
        assertThat(national.values("pilot.effect.reading")).containsExactly("IMPROVED");

        Answer evaluator = ask(tokens.evaluator(), effect("TST-EV-P"));
        assertThat(evaluator.errors()).isEmpty();
        assertThat(evaluator.values("pilot.effect.estimate")).containsExactly((Object) null);
        assertThat(evaluator.values("pilot.effect.standardError")).containsExactly((Object) null);
        assertThat(evaluator.values("pilot.effect.suppressed.reason")).containsExactly("DEPENDENT");
        assertThat(evaluator.values("pilot.effect.suppressed.symbol")).containsExactly("c");
        assertThat(evaluator.values("pilot.effect.cells[*].units")).containsExactly(12, 12, "c", "c");
        assertThat(evaluator.values("pilot.effect.cells[*].value").subList(2, 4)).containsOnlyNulls();
        assertThat(evaluator.values("pilot.effect.cells[*].suppressed")).containsExactly(null, null,
            Map.of("reason", "PRIMARY"), Map.of("reason", "PRIMARY"));
        assertThat(evaluator.values("pilot.effect.changes[*].units")).containsExactly(12, "c");
        assertThat(evaluator.values("pilot.effect.changes[*].meanChange").get(1)).isNull();
        assertThat((String) evaluator.values("pilot.effect.summary").getFirst()).startsWith("Withheld");
        assertThat((String) evaluator.values("pilot.effect.parallelTrends.note").getFirst()).startsWith("Withheld");

        // A lead sees the intervention arm (its own children) and not the comparison arm's six.
        Answer lead = ask(tokens.lead("TST-EVP"), effect("TST-EV-P"));
        assertThat(lead.values("pilot.effect.cells[*].units")).containsExactly(12, 12, "c", "c");
        assertThat(lead.values("pilot.effect.suppressed.reason")).containsExactly("DEPENDENT");

        // Twelve a side: shown to everyone.
        Answer shown = ask(tokens.evaluator(), effect("TST-EV-Q"));
        assertThat(shown.values("pilot.effect.suppressed")).containsExactly((Object) null);
        assertThat(shown.values("pilot.effect.estimate").getFirst()).isInstanceOf(Number.class);
        assertThat(shown.values("pilot.effect.estimate"))
            .isEqualTo(ask(tokens.national(), effect("TST-EV-Q")).values("pilot.effect.estimate"));
    }

    @Test
    void shouldWithholdACellThatWouldGiveASuppressedPeriodAway() {
        String cells = "{ pilot(code: \"TST-EV-Q\") { unit: effect(measure: \"" + MEASURE + "\") { estimate suppressed { reason }"
            + " cells { units observations value standardError suppressed { reason } } }"
            + " cells: effect(measure: \"" + MEASURE + "\", method: CELLS) { estimate suppressed { reason } } } }";
        Answer evaluator = ask(tokens.evaluator(), cells);
        assertThat(evaluator.errors()).isEmpty();
        // The comparison arm's follow-up pools a term of three children with a term of twelve.
        assertThat(evaluator.values("pilot.unit.cells[*].units")).containsExactly(12, 12, 12, 12);
        assertThat(evaluator.values("pilot.unit.cells[*].observations")).containsExactly(12, 24, 12, "c");
        assertThat(evaluator.values("pilot.unit.cells[*].value").get(3)).isNull();
        assertThat(evaluator.values("pilot.unit.cells[*].standardError").get(3)).isNull();
        assertThat(evaluator.values("pilot.unit.cells[*].suppressed")).containsExactly(null, null, null,
            Map.of("reason", "SECONDARY"));
        // Each child's own change does not give the term away; the sum of the four cells would.
        assertThat(evaluator.values("pilot.unit.estimate").getFirst()).isInstanceOf(Number.class);
        assertThat(evaluator.values("pilot.cells.estimate")).containsExactly((Object) null);
        assertThat(evaluator.values("pilot.cells.suppressed.reason")).containsExactly("DEPENDENT");

        Answer national = ask(tokens.national(), cells);
        assertThat(national.values("pilot.unit.cells[*].observations")).containsExactly(12, 24, 12, 27);
        assertThat(national.values("pilot.cells.estimate").getFirst()).isInstanceOf(Number.class);
    }

    @Test
    void shouldSuppressThePooledEstimateThatDependsOnASuppressedPilot() {
        String query = "{ pilotComparison(measure: \"" + MEASURE + "\", reform: \"TST-EV-R\") { reform { code }"
            + " rows { pilot { code } estimate standardError suppressed { reason } }"
            + " pooled { pilots estimate standardError lower upper q iSquared tauSquared randomEstimate randomStandardError"
            + " reading suppressed { reason } } } }";
        Answer evaluator = ask(tokens.evaluator(), query);
        assertThat(evaluator.errors()).isEmpty();
        assertThat(evaluator.values("pilotComparison.rows[*].pilot.code")).containsExactly("TST-EV-P", "TST-EV-Q");
        assertThat(evaluator.values("pilotComparison.rows[*].suppressed")).containsExactly(Map.of("reason", "DEPENDENT"), null);
        assertThat(evaluator.values("pilotComparison.pooled.estimate")).containsExactly((Object) null);
        assertThat(evaluator.values("pilotComparison.pooled.suppressed.reason")).containsExactly("DEPENDENT");

        Answer national = ask(tokens.national(), query);
        assertThat(national.errors()).isEmpty();
        List<Object> estimates = national.values("pilotComparison.rows[*].estimate");
        List<Object> errors = national.values("pilotComparison.rows[*].standardError");
        double[] e = {((Number) estimates.get(0)).doubleValue(), ((Number) estimates.get(1)).doubleValue()};
        double[] se = {((Number) errors.get(0)).doubleValue(), ((Number) errors.get(1)).doubleValue()};
        // Inverse-variance weights, Cochran's Q, DerSimonian-Laird.
        double w0 = 1 / (se[0] * se[0]);
        double w1 = 1 / (se[1] * se[1]);
        double fixed = (w0 * e[0] + w1 * e[1]) / (w0 + w1);
        double q = w0 * Math.pow(e[0] - fixed, 2) + w1 * Math.pow(e[1] - fixed, 2);
        double tau2 = Math.max(0, (q - 1) / (w0 + w1 - (w0 * w0 + w1 * w1) / (w0 + w1)));
        double r0 = 1 / (se[0] * se[0] + tau2);
        double r1 = 1 / (se[1] * se[1] + tau2);
        assertThat(number(national, "pilotComparison.pooled.pilots")).isEqualTo(2);
        assertThat(number(national, "pilotComparison.pooled.estimate")).isCloseTo(fixed, within(1e-9));
        assertThat(number(national, "pilotComparison.pooled.standardError")).isCloseTo(Math.sqrt(1 / (w0 + w1)), within(1e-9));
        assertThat(number(national, "pilotComparison.pooled.q")).isCloseTo(q, within(1e-9));
        assertThat(number(national, "pilotComparison.pooled.tauSquared")).isCloseTo(tau2, within(1e-12));
        assertThat(number(national, "pilotComparison.pooled.randomEstimate"))
            .isCloseTo((r0 * e[0] + r1 * e[1]) / (r0 + r1), within(1e-9));
        assertThat(number(national, "pilotComparison.pooled.randomStandardError"))
            .isCloseTo(Math.sqrt(1 / (r0 + r1)), within(1e-9));
    }

    private static double number(Answer answer, String path) {
        return ((Number) answer.values(path).getFirst()).doubleValue();
    }

    @Test
    void shouldGiveTheSeriesOfEveryLineAsTheObservationsSay() {
        String query = "{ pilot(code: \"TST-EV-P\") { series(measure: \"" + MEASURE + "\") { valueKind lines { kind"
            + " points { period { timePeriod timeIdentifier } n missing value numerator denominator standardError"
            + " suppressed { reason } } } } } }";
        Answer national = ask(tokens.national(), query);
        assertThat(national.errors()).isEmpty();
        assertThat(national.values("pilot.series.valueKind")).containsExactly("RATE");
        assertThat(national.values("pilot.series.lines[*].kind"))
            .containsExactly("INTERVENTION", "COMPARISON", "PARTNERSHIP", "ENGLAND");
        // Ground truth per line: cohort arms, children living in the partnership's areas, every child observed.
        List<Record> truth = TestGraph.run("""
            CALL () {
              MATCH (c:Child)-[m:IN_COHORT]->(:Pilot {code: 'TST-EV-P'}) RETURN c, m.arm AS line
              UNION ALL
              MATCH (:Partnership {code: 'TST-EVP'})<-[:MEMBER_OF]-(:LocalArea)<-[:RESIDENT_IN]-(c:Child) RETURN c, 'PARTNERSHIP' AS line
              UNION ALL
              MATCH (c:Child)-[:OBSERVED]->(:Observation {measure: 'TST-EV-ABS'}) RETURN DISTINCT c, 'ENGLAND' AS line
            }
            MATCH (c)-[:OBSERVED]->(o:Observation {measure: 'TST-EV-ABS'})
            WITH line, o.periodStart AS start, count(o) AS n, sum(o.numerator) AS num, sum(o.denominator) AS den
            RETURN line, n, num, den, 100.0 * num / den AS value
            ORDER BY CASE line WHEN 'INTERVENTION' THEN 0 WHEN 'COMPARISON' THEN 1 WHEN 'PARTNERSHIP' THEN 2 ELSE 3 END, start""");
        assertThat(national.values("pilot.series.lines[*].points[*].n"))
            .containsExactlyElementsOf(truth.stream().map(r -> (Object) r.get("n").asInt()).toList());
        List<Object> values = national.values("pilot.series.lines[*].points[*].value");
        for (int i = 0; i < truth.size(); i++) {
            assertThat(((Number) values.get(i)).doubleValue()).isCloseTo(truth.get(i).get("value").asDouble(), within(1e-9));
        }
        assertThat(national.values("pilot.series.lines[*].points[*].numerator"))
            .containsExactlyElementsOf(truth.stream().map(r -> (Object) r.get("num").asDouble()).toList());

        // An evaluator: the comparison arm's six children are withheld; the rest is shown.
        Answer evaluator = ask(tokens.evaluator(), query);
        assertThat(evaluator.values("pilot.series.lines[*].points[*].n")).containsExactly(
            12, 12, 12, "c", "c", "c", 28, 28, 28, 46, 46, 46, "c");
        assertThat(evaluator.values("pilot.series.lines[*].points[*].value").subList(3, 6)).containsOnlyNulls();
    }

    @Test
    void shouldExplainBadArguments() {
        assertThat(ask(tokens.national(), "{ pilot(code: \"TST-EV-P\") { effect(measure: \"NO-SUCH\") { estimate } } }")
            .errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("measure").contains("NO-SUCH"));
        assertThat(ask(tokens.national(), "{ pilot(code: \"TST-EV-P\") { series(measure: \"TST-EV-SET\") { valueKind } } }")
            .errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("SETTING level"));
        assertThat(ask(tokens.national(), "{ pilot(code: \"TST-EV-P\") { effect(measure: \"" + MEASURE
            + "\", baseline: {to: {timePeriod: 202425, timeIdentifier: \"Academic year\"}}) { estimate } } }")
            .errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("baseline").contains("must end before"));
        assertThat(ask(tokens.national(), "{ pilot(code: \"TST-EV-P\") { effect(measure: \"" + MEASURE
            + "\", followUp: {from: {timePeriod: 2024, timeIdentifier: \"Winter\"}}) { estimate } } }")
            .errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("followUp.from").contains("Winter"));
        assertThat(ask(tokens.national(), "{ pilotComparison(measure: \"" + MEASURE + "\", pilots: [\"TST-EV-P\", \"TST-EV-NONE\"]) { rows { estimate } } }")
            .errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("pilots").contains("TST-EV-NONE"));
        assertThat(ask(tokens.national(), "{ pilotComparison(measure: \"" + MEASURE + "\") { rows { estimate } } }")
            .errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("name the pilots"));
        assertThat(ask(tokens.national(), "{ pilotComparison(measure: \"" + MEASURE + "\", reform: \"TST-EV-NONE\") { rows { estimate } } }")
            .errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("reform").contains("TST-EV-NONE"));
    }

    @Test
    void shouldLoadTheSeriesAndEffectsOfManyPilotsInABoundedNumberOfStatements() {
        String query = "{ partnership(code: \"TST-EVP\") { pilots(first: 10) { edges { node { code"
            + " series(measure: \"" + MEASURE + "\") { lines { points { n } } }"
            + " effect(measure: \"" + MEASURE + "\") { estimate }"
            + " cells: effect(measure: \"" + MEASURE + "\", method: CELLS) { estimate } } } } } }";
        long before = statements.count();
        Answer answer = ask(tokens.national(), query);
        long sent = statements.count() - before;
        assertThat(answer.errors()).isEmpty();
        assertThat(answer.values("partnership.pilots.edges[*].node.code")).containsExactly("TST-EV-P", "TST-EV-Q");
        // partnership, its pilots; series: measures, arms, England; effects: measures, one per method.
        assertThat(sent).isLessThanOrEqualTo(8);
    }
}
