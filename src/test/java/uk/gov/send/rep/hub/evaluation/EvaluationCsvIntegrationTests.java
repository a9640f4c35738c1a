package uk.gov.send.rep.hub.evaluation;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.gov.send.rep.hub.database.CypherStatementCounter;
import uk.gov.send.rep.hub.support.RoleClient;
import uk.gov.send.rep.hub.support.RoleClient.Answer;
import uk.gov.send.rep.hub.support.TestGraph;
import uk.gov.send.rep.hub.support.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV downloads over real HTTP with real tokens (issue 5 item 7): EES tidy-data layout,
 * every figure equal to GraphQL's answer to the same question with the same token, to the last
 * bit; the role matrix (the exact CSV each of the five roles gets); the same authentication as
 * {@code /graphql}; a 400 naming every wrong parameter.
 *
 * <p>The fixture: partnerships TST-CX (areas TST-CX-A1, DfE code 997, and TST-CX-A2) and TST-CY
 * (three areas); reform TST-CX-R tested by pilot TST-CX-P (intervention TST-CX-A1 with 12 cohort
 * children, comparison TST-CX-A2 with 6: fewer than the threshold of 10) and TST-CY-P (15 and 15
 * children), both starting on 1 January 2024. A child-level rate, TST-CX-RATE, observed for every
 * cohort child in six terms from autumn 2022 (three before the spring of 2024, the follow-up from
 * it), except that only five of TST-CX-P's intervention children are observed in the first term;
 * an area-level mean, TST-CX-SCORE, observed for the five areas in the same terms.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EvaluationCsvIntegrationTests {

    /** The five roles of the role matrix. */
    enum Role {
        NATIONAL, PARTNERSHIP_LEAD, LOCAL_AREA, EVALUATOR, PUBLIC
    }

    private static final String TERMS = """
        [[202223, 'Autumn term', date('2022-09-01')], [202223, 'Spring term', date('2023-01-01')],
         [202223, 'Summer term', date('2023-04-15')], [202324, 'Autumn term', date('2023-09-01')],
         [202324, 'Spring term', date('2024-01-01')], [202324, 'Summer term', date('2024-04-15')]]""";

    @LocalServerPort
    int port;

    @Autowired
    TestTokens tokens;

    @Autowired
    CypherStatementCounter statements;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void fixture() {
        TestGraph.run("""
            UNWIND [['TST-CX', ['TST-CX-A1', 'TST-CX-A2']], ['TST-CY', ['TST-CY-A1', 'TST-CY-A2', 'TST-CY-A3']]] AS d
            MERGE (p:Partnership {code: d[0]}) SET p.name = d[0] + ' test partnership'
            WITH p, d
            UNWIND range(0, size(d[1]) - 1) AS i
            MERGE (a:LocalArea {code: d[1][i]})
              SET a.name = d[1][i] + ' test area', a.dfeCode = CASE d[1][i] WHEN 'TST-CX-A1' THEN '997' ELSE d[1][i] END
            MERGE (a)-[:MEMBER_OF {role: CASE i WHEN 0 THEN 'LEAD' ELSE 'MEMBER' END}]->(p)""");
        TestGraph.run("""
            CREATE (r:Reform {code: 'TST-CX-R', name: 'CSV test reform', strand: 'Test', description: 'Test'})
            CREATE (:Measure {code: 'TST-CX-RATE', name: 'Test absence rate', unit: 'PERCENT', polarity: 'LOWER_IS_BETTER',
                level: 'CHILD', periodType: 'TERM', definition: 'Sessions missed', source: 'Test'})
            CREATE (:Measure {code: 'TST-CX-SCORE', name: 'Test area score', unit: 'SCORE', polarity: 'HIGHER_IS_BETTER',
                level: 'AREA', periodType: 'TERM', definition: 'A score', source: 'Test'})
            WITH r
            UNWIND [['TST-CX', 'TST-CX-P', 'TST-CX-A1', 'TST-CX-A2'], ['TST-CY', 'TST-CY-P', 'TST-CY-A1', 'TST-CY-A2']] AS d
            MATCH (lead:Partnership {code: d[0]}), (i:LocalArea {code: d[2]}), (k:LocalArea {code: d[3]})
            CREATE (lead)-[:RUNS]->(p:Pilot {code: d[1], name: d[1] + ' test pilot', start: date('2024-01-01'),
                end: date('2025-08-31'), status: 'ACTIVE'})
            CREATE (p)-[:TESTS]->(r)
            CREATE (p)-[:IN_AREA {arm: 'INTERVENTION'}]->(i)
            CREATE (p)-[:IN_AREA {arm: 'COMPARISON'}]->(k)""");
        TestGraph.run("""
            UNWIND [['TST-CX-P', 'TST-CX-A1', 'INTERVENTION', 12], ['TST-CX-P', 'TST-CX-A2', 'COMPARISON', 6],
                    ['TST-CY-P', 'TST-CY-A1', 'INTERVENTION', 15], ['TST-CY-P', 'TST-CY-A2', 'COMPARISON', 15]] AS d
            MATCH (p:Pilot {code: d[0]}), (a:LocalArea {code: d[1]})
            UNWIND range(1, d[3]) AS n
            CREATE (c:Child {ref: d[1] + '-C' + n, birthYear: 2014, sex: 'F', senProvision: 'K', primaryNeed: 'ASD'})
            CREATE (c)-[:RESIDENT_IN]->(a)
            CREATE (c)-[:IN_COHORT {arm: d[2], enrolled: date('2024-01-15')}]->(p)
            WITH c, d, n
            UNWIND range(0, 5) AS k
            WITH c, d, n, k, %s[k] AS t
            WHERE NOT (d[1] = 'TST-CX-A1' AND n > 5 AND k = 0)
            WITH c, t, k, 5 + (n * 3 + k * 5) %% 11 + CASE WHEN d[2] = 'INTERVENTION' AND k >= 4 THEN -3 ELSE 0 END
                + CASE d[0] WHEN 'TST-CY-P' THEN 2 ELSE 0 END AS numerator, 100 + 10 * (n %% 3) AS denominator
            CREATE (c)-[:OBSERVED]->(:Observation {key: 'TST-CXO|' + c.ref + '|' + k, measure: 'TST-CX-RATE',
                timePeriod: t[0], timeIdentifier: t[1], periodStart: t[2], numerator: numerator,
                denominator: denominator, value: 100.0 * numerator / denominator})""".formatted(TERMS));
        TestGraph.run("""
            UNWIND [['TST-CX-A1', 50.0, 0.5], ['TST-CX-A2', 48.0, 0.25], ['TST-CY-A1', 52.0, 0.75],
                    ['TST-CY-A2', 47.0, 0.5], ['TST-CY-A3', 45.5, 1.0]] AS d
            MATCH (a:LocalArea {code: d[0]})
            UNWIND range(0, 5) AS k
            WITH a, d, k, %s[k] AS t
            CREATE (a)-[:OBSERVED]->(:Observation {key: 'TST-CXAO|' + a.code + '|' + k, measure: 'TST-CX-SCORE',
                timePeriod: t[0], timeIdentifier: t[1], periodStart: t[2],
                value: d[1] + k * d[2] + CASE WHEN a.code IN ['TST-CX-A1', 'TST-CY-A1'] AND k >= 4 THEN 2.0 ELSE 0.0 END})"""
            .formatted(TERMS));
    }

    @Autowired
    uk.gov.send.rep.hub.outcome.ObservationSummaries summaries;

    /** The fixture's children's observations summarised per area, as every writer leaves them. */
    @org.junit.jupiter.api.BeforeEach
    void summarise() {
        uk.gov.send.rep.hub.support.FixtureSummaries.ensure(summaries, "TST-CX-RATE");
    }

    @AfterAll
    static void cleanUp() {
        TestGraph.deleteFixtures();
    }

    // --- HTTP

    /** A download: status, the headers that matter, and the body. */
    record Download(int status, String contentType, String disposition, String body) {

        List<String> header() {
            return List.copyOf(parse().getHeaderNames());
        }

        /** The rows, each by column name. */
        List<Map<String, String>> rows() {
            return parse().getRecords().stream().map(CSVRecord::toMap).toList();
        }

        private CSVParser parse() {
            try {
                return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(body));
            }
            catch (IOException impossible) {
                throw new UncheckedIOException(impossible);
            }
        }
    }

    private String token(Role role) {
        return switch (role) {
            case NATIONAL -> tokens.national();
            case PARTNERSHIP_LEAD -> tokens.lead("TST-CX");
            case LOCAL_AREA -> tokens.localArea("997");
            case EVALUATOR -> tokens.evaluator();
            case PUBLIC -> null;
        };
    }

    /** {@code path?name=value&...}, each value URL-encoded. */
    private static String url(String path, String... parameters) {
        StringBuilder url = new StringBuilder(path);
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            url.append(i == 0 ? '?' : '&').append(parameters[i]).append('=')
                .append(URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8));
        }
        return url.toString();
    }

    private Download get(String authorization, String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
            .timeout(Duration.ofSeconds(60)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.headers().firstValue("Content-Disposition").orElse(null), response.body());
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private Download get(Role role, String pathAndQuery) {
        String token = token(role);
        return get(token == null ? null : "Bearer " + token, pathAndQuery);
    }

    private Download ok(Role role, String pathAndQuery) {
        Download download = get(role, pathAndQuery);
        assertThat(download.status()).as(role + " " + pathAndQuery + ": " + download.body()).isEqualTo(200);
        return download;
    }

    private Map<String, Object> graphQl(Role role, String query) {
        Answer answer = new RoleClient(port).ask(token(role), query);
        assertThat(answer.errors()).as(role + " " + query).isEmpty();
        return answer.data();
    }

    // --- Layout

    @Test
    void shouldLayOutASeriesAsEesTidyData() {
        Download download = ok(Role.NATIONAL, url("/evaluation/series.csv", "pilot", "TST-CX-P", "measure", "TST-CX-RATE"));
        assertThat(download.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(download.disposition()).isEqualTo("attachment; filename=\"series_TST-CX-RATE_TST-CX-P.csv\"");
        assertThat(download.header()).containsExactly("time_period", "time_identifier", "geographic_level", "country_code",
            "country_name", "pilot", "measure", "value_kind", "line", "units", "missing", "value", "numerator",
            "denominator", "sd", "standard_error", "ci_lower", "ci_upper", "suppression_reason");
        // RFC 4180: CRLF after every line, the last included; no bare LF.
        assertThat(download.body()).endsWith("\r\n").doesNotContainPattern("[^\r]\n");
        List<Map<String, String>> rows = download.rows();
        // Four lines (arms, partnership, England) by six terms.
        assertThat(rows).hasSize(24);
        assertThat(rows).extracting(r -> r.get("line")).containsOnly("INTERVENTION", "COMPARISON", "PARTNERSHIP", "ENGLAND");
        assertThat(rows.getFirst()).containsEntry("time_period", "202223").containsEntry("time_identifier", "Autumn term")
            .containsEntry("geographic_level", "National").containsEntry("country_code", "E92000001")
            .containsEntry("country_name", "England").containsEntry("pilot", "TST-CX-P")
            .containsEntry("measure", "TST-CX-RATE").containsEntry("value_kind", "RATE").containsEntry("line", "INTERVENTION")
            .containsEntry("units", "5").containsEntry("sd", "z").containsEntry("suppression_reason", "z");
        for (Map<String, String> row : rows) {
            assertThat(row.values()).as("no blank cell, no exponent: " + row).allSatisfy(cell ->
                assertThat(cell).isNotBlank().doesNotContainPattern("^-?[0-9.]+[eE]"));
        }
        // A mean at area level: sd, no numerator or denominator.
        Download mean = ok(Role.NATIONAL, url("/evaluation/series.csv", "pilot", "TST-CX-P", "measure", "TST-CX-SCORE",
            "from", "202324:Autumn term"));
        assertThat(mean.rows()).hasSize(12).allSatisfy(row -> assertThat(row).containsEntry("value_kind", "MEAN")
            .containsEntry("numerator", "z").containsEntry("denominator", "z"));
        assertThat(mean.rows()).extracting(r -> r.get("time_identifier")).containsOnly("Autumn term", "Spring term", "Summer term");
    }

    @Test
    void shouldLayOutAnEffectTableWithItsPooledRows() {
        Download download = ok(Role.NATIONAL, url("/evaluation/effects.csv", "measure", "TST-CX-RATE", "reform", "TST-CX-R"));
        assertThat(download.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(download.disposition()).isEqualTo("attachment; filename=\"effects_TST-CX-RATE_TST-CX-R_UNIT_CHANGE.csv\"");
        assertThat(download.header()).isEqualTo(EvaluationCsv.EFFECT_COLUMNS);
        assertThat(download.header().subList(0, 5)).containsExactly("time_period", "time_identifier", "geographic_level",
            "country_code", "country_name");
        List<Map<String, String>> rows = download.rows();
        assertThat(rows).extracting(r -> r.get("estimate_type") + " " + r.get("pilot"))
            .containsExactly("PILOT TST-CX-P", "PILOT TST-CY-P", "POOLED_FIXED z", "POOLED_RANDOM z");
        assertThat(rows.getFirst()).containsEntry("time_period", "202324").containsEntry("time_identifier", "Summer term")
            .containsEntry("baseline_from", "202223:Autumn term").containsEntry("baseline_to", "202324:Autumn term")
            .containsEntry("follow_up_from", "202324:Spring term").containsEntry("follow_up_to", "202324:Summer term")
            .containsEntry("baseline_starts_on", "z").containsEntry("baseline_ends_before", "2024-01-01")
            .containsEntry("follow_up_starts_on", "2024-01-01").containsEntry("follow_up_ends_before", "z")
            .containsEntry("variance_from", "ARMS").containsEntry("reform", "TST-CX-R")
            .containsEntry("intervention_baseline_units", "12").containsEntry("intervention_baseline_observations", "41")
            .containsEntry("comparison_follow_up_units", "6").containsEntry("q", "z");
        assertThat(rows.get(2)).containsEntry("reform", "TST-CX-R").containsEntry("pooled_pilots", "2")
            .containsEntry("degrees_of_freedom", "z").containsEntry("intervention_baseline_units", "z");
        // One pilot, the four cells of an area-level mean: no changes; the file's name says which.
        Download cells = ok(Role.NATIONAL, url("/evaluation/effects.csv", "measure", "TST-CX-SCORE", "pilot", "TST-CY-P",
            "method", "cells"));
        assertThat(cells.disposition()).isEqualTo("attachment; filename=\"effects_TST-CX-SCORE_TST-CY-P_CELLS.csv\"");
        // A pilot testing one reform is pooled alone (one pilot: no Q, I² or τ²).
        assertThat(cells.rows()).extracting(r -> r.get("estimate_type"))
            .containsExactly("PILOT", "POOLED_FIXED", "POOLED_RANDOM");
        assertThat(cells.rows().getFirst()).containsEntry("method", "CELLS").containsEntry("value_kind", "MEAN")
            .containsEntry("variance_from", "CELLS").containsEntry("intervention_change_units", "z")
            .containsEntry("reform", "z");
        assertThat(cells.rows().get(1)).containsEntry("pooled_pilots", "1").containsEntry("q", "x")
            .containsEntry("estimate", cells.rows().getFirst().get("estimate"));
    }

    // --- Every figure as GraphQL gives it

    private static final String POINT = "period { timePeriod timeIdentifier } n missing value numerator denominator sd "
        + "standardError lower upper suppressed { reason }";

    private static final String WINDOW = "from { timePeriod timeIdentifier } to { timePeriod timeIdentifier } startsOn endsBefore";

    private static final String EFFECT = "pilot { code } method valueKind varianceFrom baseline { " + WINDOW
        + " } followUp { " + WINDOW + " } estimate standardError degreesOfFreedom lower upper pValue reading summary "
        + "notEstimable suppressed { reason } cells { arm window units observations value standardError suppressed { reason } } "
        + "changes { arm units meanChange sd suppressed { reason } } "
        + "parallelTrends { periods slopeDifference standardError projectedDrift diverging note }";

    @ParameterizedTest
    @EnumSource(Role.class)
    void shouldGiveEverySeriesFigureExactlyAsGraphQlDoes(Role role) {
        for (String measure : List.of("TST-CX-RATE", "TST-CX-SCORE")) {
            for (String pilot : List.of("TST-CX-P", "TST-CY-P")) {
                Map<String, Object> series = map(path(graphQl(role, "{ pilot(code: \"" + pilot + "\") { series(measure: \""
                    + measure + "\", to: {timePeriod: 202324, timeIdentifier: \"Spring term\"}) { valueKind lines { kind points { "
                    + POINT + " } } } } }"), "pilot", "series"));
                List<Map<String, String>> rows = ok(role, url("/evaluation/series.csv", "pilot", pilot, "measure", measure,
                    "to", "202324:spring term")).rows();
                boolean rate = "RATE".equals(series.get("valueKind"));
                List<Map<String, String>> expected = new ArrayList<>();
                for (Object line : list(series.get("lines"))) {
                    for (Object point : list(map(line).get("points"))) {
                        Map<String, Object> p = map(point);
                        Map<String, Object> period = map(p.get("period"));
                        Map<String, String> row = new LinkedHashMap<>();
                        row.put("time_period", String.valueOf(period.get("timePeriod")));
                        row.put("time_identifier", (String) period.get("timeIdentifier"));
                        row.put("line", (String) map(line).get("kind"));
                        boolean c = p.get("suppressed") != null;
                        row.put("suppression_reason", c ? (String) map(p.get("suppressed")).get("reason") : "z");
                        expected.add(row);
                        Map<String, String> actual = rows.get(expected.size() - 1);
                        String what = role + " " + pilot + " " + measure + " " + row;
                        assertThat(actual).as(what).containsAllEntriesOf(row);
                        figure(what, actual, "units", p.get("n"), c, true);
                        figure(what, actual, "missing", p.get("missing"), false, true);
                        figure(what, actual, "value", p.get("value"), c, true);
                        figure(what, actual, "numerator", p.get("numerator"), c, rate);
                        figure(what, actual, "denominator", p.get("denominator"), c, rate);
                        figure(what, actual, "sd", p.get("sd"), c, !rate);
                        figure(what, actual, "standard_error", p.get("standardError"), c, true);
                        figure(what, actual, "ci_lower", p.get("lower"), c, true);
                        figure(what, actual, "ci_upper", p.get("upper"), c, true);
                    }
                }
                assertThat(rows).as(role + " " + pilot + " " + measure).hasSize(expected.size()).hasSizeGreaterThan(12);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void shouldGiveEveryEffectFigureExactlyAsGraphQlDoes(Role role) {
        for (String measure : List.of("TST-CX-RATE", "TST-CX-SCORE")) {
            for (String method : List.of("UNIT_CHANGE", "CELLS")) {
                Map<String, Object> comparison = map(graphQl(role, "{ pilotComparison(measure: \"" + measure
                    + "\", reform: \"TST-CX-R\", method: " + method + ", baseline: {from: {timePeriod: 202223, timeIdentifier: "
                    + "\"Spring term\"}}) { reform { code } rows { " + EFFECT + " } pooled { reform { code } pilots estimate "
                    + "standardError lower upper q iSquared tauSquared randomEstimate randomStandardError reading "
                    + "suppressed { reason } notEstimable } } }").get("pilotComparison"));
                List<Map<String, String>> rows = ok(role, url("/evaluation/effects.csv", "measure", measure, "reform",
                    "TST-CX-R", "method", method, "baselineFrom", "202223:Spring term")).rows();
                List<Object> effects = list(comparison.get("rows"));
                assertThat(rows).hasSize(effects.size() + 2);
                for (int i = 0; i < effects.size(); i++) {
                    effect(role + " " + measure + " " + method, rows.get(i), map(effects.get(i)));
                }
                pooled(role + " " + measure + " " + method, rows.get(effects.size()), rows.get(effects.size() + 1),
                    map(comparison.get("pooled")));
            }
        }
    }

    private static void effect(String what, Map<String, String> row, Map<String, Object> e) {
        what = what + " " + map(e.get("pilot")).get("code");
        boolean c = e.get("suppressed") != null;
        assertThat(row).as(what).containsEntry("estimate_type", "PILOT")
            .containsEntry("pilot", (String) map(e.get("pilot")).get("code"))
            .containsEntry("method", (String) e.get("method")).containsEntry("value_kind", (String) e.get("valueKind"))
            .containsEntry("variance_from", (String) e.get("varianceFrom"))
            .containsEntry("summary", (String) e.get("summary"))
            .containsEntry("reading", c ? "c" : e.get("reading") == null ? "x" : (String) e.get("reading"))
            .containsEntry("not_estimable", e.get("notEstimable") == null ? "z" : (String) e.get("notEstimable"))
            .containsEntry("suppression_reason", c ? (String) map(e.get("suppressed")).get("reason") : "z");
        for (String window : List.of("baseline", "followUp")) {
            Map<String, Object> w = map(e.get(window));
            String prefix = window.equals("baseline") ? "baseline_" : "follow_up_";
            assertThat(row).as(what).containsEntry(prefix + "from", period(w.get("from")))
                .containsEntry(prefix + "to", period(w.get("to")))
                .containsEntry(prefix + "starts_on", w.get("startsOn") == null ? "z" : (String) w.get("startsOn"))
                .containsEntry(prefix + "ends_before", w.get("endsBefore") == null ? "z" : (String) w.get("endsBefore"));
        }
        figure(what, row, "estimate", e.get("estimate"), c, true);
        figure(what, row, "standard_error", e.get("standardError"), c, true);
        figure(what, row, "ci_lower", e.get("lower"), c, true);
        figure(what, row, "ci_upper", e.get("upper"), c, true);
        figure(what, row, "p_value", e.get("pValue"), c, true);
        // Degrees of freedom: null with an estimate means the normal distribution (not applicable).
        figure(what, row, "degrees_of_freedom", e.get("degreesOfFreedom"), c,
            e.get("estimate") == null || e.get("degreesOfFreedom") != null);
        for (Object item : list(e.get("cells"))) {
            Map<String, Object> cell = map(item);
            String prefix = ((String) cell.get("arm")).toLowerCase() + "_" + ((String) cell.get("window")).toLowerCase() + "_";
            boolean withheld = cell.get("suppressed") != null;
            figure(what, row, prefix + "units", cell.get("units"), withheld, true);
            figure(what, row, prefix + "observations", cell.get("observations"), withheld, true);
            figure(what, row, prefix + "value", cell.get("value"), withheld, true);
            figure(what, row, prefix + "standard_error", cell.get("standardError"), withheld, true);
        }
        List<Object> changes = list(e.get("changes"));
        assertThat(changes).hasSize("UNIT_CHANGE".equals(e.get("method")) ? 2 : 0);
        for (String arm : List.of("intervention", "comparison")) {
            Map<String, Object> change = changes.stream().map(EvaluationCsvIntegrationTests::map)
                .filter(ch -> arm.equals(((String) ch.get("arm")).toLowerCase())).findFirst().orElse(null);
            boolean applies = change != null;
            boolean withheld = applies && change.get("suppressed") != null;
            figure(what, row, arm + "_change_units", applies ? change.get("units") : null, withheld, applies);
            figure(what, row, arm + "_mean_change", applies ? change.get("meanChange") : null, withheld, applies);
            figure(what, row, arm + "_change_sd", applies ? change.get("sd") : null, withheld, applies);
        }
        Map<String, Object> trends = map(e.get("parallelTrends"));
        boolean withheld = ((String) trends.get("note")).startsWith("Withheld");
        assertThat(row).as(what).containsEntry("trend_note", (String) trends.get("note"))
            .containsEntry("trend_diverging", withheld ? "c" : trends.get("diverging") == null ? "x"
                : ((Boolean) trends.get("diverging") ? "TRUE" : "FALSE"));
        figure(what, row, "trend_periods", trends.get("periods"), withheld, true);
        figure(what, row, "trend_slope_difference", trends.get("slopeDifference"), withheld, true);
        figure(what, row, "trend_standard_error", trends.get("standardError"), withheld, true);
        figure(what, row, "trend_projected_drift", trends.get("projectedDrift"), withheld, true);
        for (String pooledOnly : List.of("pooled_pilots", "q", "i_squared", "tau_squared")) {
            assertThat(row).as(what).containsEntry(pooledOnly, "z");
        }
    }

    private static void pooled(String what, Map<String, String> fixed, Map<String, String> random, Map<String, Object> p) {
        boolean c = p.get("suppressed") != null;
        for (Map<String, String> row : List.of(fixed, random)) {
            assertThat(row).as(what).containsEntry("pilot", "z").containsEntry("reform", "TST-CX-R")
                .containsEntry("suppression_reason", c ? (String) map(p.get("suppressed")).get("reason") : "z")
                .containsEntry("not_estimable", p.get("notEstimable") == null ? "z" : (String) p.get("notEstimable"))
                .containsEntry("degrees_of_freedom", "z").containsEntry("p_value", c ? "c" : "x");
            figure(what, row, "pooled_pilots", c ? null : p.get("pilots"), c, true);
            figure(what, row, "q", p.get("q"), c, true);
            figure(what, row, "i_squared", p.get("iSquared"), c, true);
            figure(what, row, "tau_squared", p.get("tauSquared"), c, true);
        }
        assertThat(fixed).as(what).containsEntry("estimate_type", "POOLED_FIXED").containsEntry("reading", "z");
        figure(what, fixed, "estimate", p.get("estimate"), c, true);
        figure(what, fixed, "standard_error", p.get("standardError"), c, true);
        figure(what, fixed, "ci_lower", p.get("lower"), c, true);
        figure(what, fixed, "ci_upper", p.get("upper"), c, true);
        assertThat(random).as(what).containsEntry("estimate_type", "POOLED_RANDOM")
            .containsEntry("reading", c ? "c" : p.get("reading") == null ? "x" : (String) p.get("reading"))
            .containsEntry("ci_lower", c ? "c" : "x").containsEntry("ci_upper", c ? "c" : "x");
        figure(what, random, "estimate", p.get("randomEstimate"), c, true);
        figure(what, random, "standard_error", p.get("randomStandardError"), c, true);
    }

    /**
     * A figure's cell against GraphQL's value: {@code z} where it does not apply, {@code c} where
     * suppressed (never blank or 0), {@code x} where GraphQL has null, else the same double to the
     * last bit, written in plain decimal.
     */
    private static void figure(String what, Map<String, String> row, String column, Object expected, boolean suppressed,
            boolean applicable) {
        String cell = row.get(column);
        String where = what + " " + column;
        if (!applicable) {
            assertThat(cell).as(where).isEqualTo("z");
        }
        else if (suppressed || "c".equals(expected)) {
            assertThat(cell).as(where).isEqualTo("c");
        }
        else if (expected == null) {
            assertThat(cell).as(where).isEqualTo("x");
        }
        else {
            assertThat(cell).as(where).matches("-?\\d+(\\.\\d+)?");
            assertThat(Double.parseDouble(cell)).as(where).isEqualTo(((Number) expected).doubleValue());
        }
    }

    // --- The role matrix: the exact CSV per role

    /** The first two terms of TST-CX-P's series: the intervention arm's first term counts five children. */
    private static final String SERIES_QUESTION = url("/evaluation/series.csv", "pilot", "TST-CX-P", "measure",
        "TST-CX-RATE", "from", "202223:Autumn term", "to", "202223:Spring term");

    private static final String SERIES_HEADER = "time_period,time_identifier,geographic_level,country_code,country_name,"
        + "pilot,measure,value_kind,line,units,missing,value,numerator,denominator,sd,standard_error,ci_lower,ci_upper,"
        + "suppression_reason\r\n";

    private static final String EFFECTS_HEADER = "time_period,time_identifier,geographic_level,country_code,"
        + "country_name,estimate_type,pilot,reform,measure,method,value_kind,variance_from,baseline_from,baseline_to,follow_up_from,"
        + "follow_up_to,baseline_starts_on,baseline_ends_before,follow_up_starts_on,follow_up_ends_before,"
        + "estimate,standard_error,degrees_of_freedom,ci_lower,ci_upper,p_value,reading,"
        + "intervention_baseline_units,intervention_baseline_observations,intervention_baseline_value,"
        + "intervention_baseline_standard_error,intervention_follow_up_units,"
        + "intervention_follow_up_observations,intervention_follow_up_value,"
        + "intervention_follow_up_standard_error,comparison_baseline_units,"
        + "comparison_baseline_observations,comparison_baseline_value,comparison_baseline_standard_error,"
        + "comparison_follow_up_units,comparison_follow_up_observations,comparison_follow_up_value,"
        + "comparison_follow_up_standard_error,intervention_change_units,intervention_mean_change,"
        + "intervention_change_sd,comparison_change_units,comparison_mean_change,comparison_change_sd,"
        + "trend_periods,trend_slope_difference,trend_standard_error,trend_projected_drift,"
        + "trend_diverging,pooled_pilots,q,i_squared,tau_squared,suppression_reason,not_estimable,"
        + "trend_note,summary\r\n";

    /**
     * The rows of the series question (each arm, the partnership and England in two terms) by
     * name, as a role gets them with its figures or with them suppressed; {@code ...} stands for
     * the columns from {@code geographic_level} to {@code value_kind}, the same in every row.
     */
    private static final Map<String, String> SERIES_ROWS = named("National,E92000001,England,TST-CX-P,TST-CX-RATE,RATE,", """
        INTERVENTION_AUTUMN            202223,Autumn term,...INTERVENTION,5,0,8.571428571428571,48,560,z,1.1829695303011787,6.252850897229997,10.890006245627145,z
        INTERVENTION_SPRING            202223,Spring term,...INTERVENTION,12,0,9.318181818181818,123,1320,z,0.8000898005572079,7.750034624691856,10.88632901167178,z
        COMPARISON_AUTUMN              202223,Autumn term,...COMPARISON,6,0,9.090909090909092,60,660,z,1.1190135543575703,6.8976828261561,11.284135355662084,z
        COMPARISON_SPRING              202223,Spring term,...COMPARISON,6,0,8.636363636363637,57,660,z,1.0934027972045048,6.493333533247455,10.779393739479818,z
        PARTNERSHIP_AUTUMN             202223,Autumn term,...PARTNERSHIP,11,0,8.852459016393443,108,1220,z,0.8132508490279032,7.258516641902132,10.446401390884754,z
        PARTNERSHIP_SPRING             202223,Spring term,...PARTNERSHIP,18,0,9.090909090909092,180,1980,z,0.6460627768351831,7.824649316560194,10.35716886525799,z
        ENGLAND_AUTUMN                 202223,Autumn term,...ENGLAND,41,0,10.309734513274336,466,4520,z,0.45230061504510966,9.423241597600605,11.196227428948067,z
        ENGLAND_SPRING                 202223,Spring term,...ENGLAND,48,0,10.113636363636363,534,5280,z,0.41493838440634057,9.3003720743967,10.926900652876027,z
        INTERVENTION_AUTUMN_SUPPRESSED 202223,Autumn term,...INTERVENTION,c,0,c,c,c,z,c,c,c,PRIMARY
        COMPARISON_AUTUMN_SUPPRESSED   202223,Autumn term,...COMPARISON,c,0,c,c,c,z,c,c,c,PRIMARY
        COMPARISON_SPRING_SUPPRESSED   202223,Spring term,...COMPARISON,c,0,c,c,c,z,c,c,c,PRIMARY
        """);

    /** The time and geography of every row of the effects question. */
    private static final String EFFECT_TIME_AND_PLACE = "202324,Summer term,National,E92000001,England";

    // The rows of the effects question.
    private static final String TST_CX_P = line(EFFECT_TIME_AND_PLACE,
        "PILOT,TST-CX-P,TST-CX-R,TST-CX-RATE,CELLS,RATE,CELLS,202223:Autumn term,202324:Autumn term",
        "202324:Spring term,202324:Summer term,z,2024-01-01,2024-01-01,z,-3.540493429873962",
        "1.167621989548416,z,-5.82899047694586,-1.2519963828020635,0.0024275760012210743,IMPROVED",
        "12,41,9.070796460176991,0.4271743694862323,12,24,6.25,0.47111147590275565,6,24,8.825757575757576",
        "0.5520902981114879,6,12,9.545454545454547,0.8087728040277667", zs(6),
        "4,0.11038961038961048,0.3227540556970306,0.33116883116883145,FALSE", zs(6),
        "\"Parallel enough: carried forward, the gap in pre-period slopes stays within the estimate's standard error.\"",
        "Improved: Test absence rate fell by 3.54 percentage points (95% CI -5.83 to -1.25) relative to the comparison arm.");
    private static final String TST_CY_P = line(EFFECT_TIME_AND_PLACE,
        "PILOT,TST-CY-P,TST-CX-R,TST-CX-RATE,CELLS,RATE,CELLS,202223:Autumn term,202324:Autumn term",
        "202324:Spring term,202324:Summer term,z,2024-01-01,2024-01-01,z,-2.7272727272727266",
        "0.904351858052053,z,-4.49976979840663,-0.9547756561388234,0.0025636918807480273,IMPROVED",
        "15,60,10.833333333333334,0.38256950689963204,15,30,8.242424242424242,0.4787309191862855",
        "15,60,10.833333333333334,0.38256950689963204,15,30,10.969696969696969,0.5440129915345767", zs(6),
        "4,0,0,0,FALSE", zs(6),
        "\"Parallel enough: carried forward, the gap in pre-period slopes stays within the estimate's standard error.\"",
        "Improved: Test absence rate fell by 2.73 percentage points (95% CI -4.50 to -0.955) relative to the comparison arm.");
    private static final String POOLED_FIXED = line(EFFECT_TIME_AND_PLACE,
        "POOLED_FIXED,z,TST-CX-R,TST-CX-RATE,CELLS,RATE", zs(9),
        "-3.0321949823449903,0.7149778930935803,z,-4.433525902550737,-1.6308640621392438,x", zs(28),
        "2,0.30319544936630183,0,0", zs(4));
    private static final String POOLED_RANDOM = line(EFFECT_TIME_AND_PLACE,
        "POOLED_RANDOM,z,TST-CX-R,TST-CX-RATE,CELLS,RATE", zs(9),
        "-3.0321949823449903,0.7149778930935803,z,x,x,x,IMPROVED", zs(27), "2,0.30319544936630183,0,0", zs(4));
    private static final String TST_CX_P_SUPPRESSED = line(EFFECT_TIME_AND_PLACE,
        "PILOT,TST-CX-P,TST-CX-R,TST-CX-RATE,CELLS,RATE,CELLS,202223:Autumn term,202324:Autumn term",
        "202324:Spring term,202324:Summer term,z,2024-01-01,2024-01-01,z,c,c,c,c,c,c,c,12,41",
        "9.070796460176991,0.4271743694862323,12,24,6.25,0.47111147590275565,c,c,c,c,c,c,c", "c", zs(6), "c,c,c,c,c",
        zs(4), "DEPENDENT,z,Withheld: a period's figure counts fewer than 10 children outside your scope.",
        "Withheld: the estimate depends on a group of fewer than 10 children outside your scope.");
    private static final String POOLED_FIXED_SUPPRESSED = line(EFFECT_TIME_AND_PLACE,
        "POOLED_FIXED,z,TST-CX-R,TST-CX-RATE,CELLS,RATE", zs(9), "c,c,z,c,c,c", zs(28), "c,c,c,c,DEPENDENT", zs(3));
    private static final String POOLED_RANDOM_SUPPRESSED = line(EFFECT_TIME_AND_PLACE,
        "POOLED_RANDOM,z,TST-CX-R,TST-CX-RATE,CELLS,RATE", zs(9), "c,c,z,c,c,c,c", zs(27), "c,c,c,c,DEPENDENT",
        zs(3));

    /**
     * The role matrix of the series: NATIONAL sees every figure; the lead of TST-CX too (every child
     * counted lives in its areas); the local area TST-CX-A1 its own arm exactly, however small, and
     * the comparison arm's six children suppressed; EVALUATOR and PUBLIC also the intervention arm's
     * five children of the first term. The partnership's and England's lines count at least ten.
     */
    @ParameterizedTest
    @EnumSource(Role.class)
    void shouldGiveEachRoleExactlyItsSeries(Role role) {
        List<String> arms = switch (role) {
            case NATIONAL, PARTNERSHIP_LEAD -> List.of("INTERVENTION_AUTUMN", "INTERVENTION_SPRING", "COMPARISON_AUTUMN",
                "COMPARISON_SPRING");
            case LOCAL_AREA -> List.of("INTERVENTION_AUTUMN", "INTERVENTION_SPRING", "COMPARISON_AUTUMN_SUPPRESSED",
                "COMPARISON_SPRING_SUPPRESSED");
            case EVALUATOR, PUBLIC -> List.of("INTERVENTION_AUTUMN_SUPPRESSED", "INTERVENTION_SPRING",
                "COMPARISON_AUTUMN_SUPPRESSED", "COMPARISON_SPRING_SUPPRESSED");
        };
        StringBuilder expected = new StringBuilder(SERIES_HEADER);
        for (String row : arms) {
            expected.append(SERIES_ROWS.get(row));
        }
        for (String row : List.of("PARTNERSHIP_AUTUMN", "PARTNERSHIP_SPRING", "ENGLAND_AUTUMN", "ENGLAND_SPRING")) {
            expected.append(SERIES_ROWS.get(row));
        }
        assertThat(ok(role, SERIES_QUESTION).body()).isEqualTo(expected.toString());
    }

    private static final String EFFECTS_QUESTION = url("/evaluation/effects.csv", "measure", "TST-CX-RATE", "reform",
        "TST-CX-R", "method", "CELLS");

    /**
     * The role matrix of an effect table (the four cells of a rate: figures that do not depend on
     * the order the database adds in): TST-CX-P's comparison arm counts six children, so for every
     * role but NATIONAL and TST-CX's lead its cells, estimate, trends and the pooled estimate are
     * withheld; TST-CY-P's arms count fifteen each.
     */
    @ParameterizedTest
    @EnumSource(Role.class)
    void shouldGiveEachRoleExactlyItsEffects(Role role) {
        String expected = switch (role) {
            case NATIONAL, PARTNERSHIP_LEAD -> EFFECTS_HEADER + TST_CX_P + TST_CY_P + POOLED_FIXED + POOLED_RANDOM;
            case LOCAL_AREA -> EFFECTS_HEADER + TST_CX_P_SUPPRESSED + TST_CY_P
                + POOLED_FIXED_SUPPRESSED + POOLED_RANDOM_SUPPRESSED;
            // The intervention arm's baseline pools a first term of five children that these roles
            // may not see: its observations, value and standard error would give it away.
            case EVALUATOR, PUBLIC -> EFFECTS_HEADER
                + TST_CX_P_SUPPRESSED.replace(",12,41,9.070796460176991,0.4271743694862323,", ",12,c,c,c,") + TST_CY_P
                + POOLED_FIXED_SUPPRESSED + POOLED_RANDOM_SUPPRESSED;
        };
        assertThat(ok(role, EFFECTS_QUESTION).body()).isEqualTo(expected);
    }

    // --- Authentication, as /graphql

    @Test
    void shouldRefuseABadTokenAndAnUnknownScope() {
        Download bad = get("Bearer not-a-token", SERIES_QUESTION);
        assertThat(bad.status()).isEqualTo(401);
        String national = tokens.national();
        int middle = national.lastIndexOf('.') + 10;
        String forgedToken = national.substring(0, middle) + (national.charAt(middle) == 'A' ? 'B' : 'A')
            + national.substring(middle + 1);
        Download forged = get("Bearer " + forgedToken, SERIES_QUESTION);
        assertThat(forged.status()).isEqualTo(401);
        Download unknown = get("Bearer " + tokens.lead("TST-NO-SUCH"), SERIES_QUESTION);
        assertThat(unknown.status()).isEqualTo(403);
        assertThat(unknown.body()).isEqualTo("The token's partnership 'TST-NO-SUCH' is not a partnership in the hub");
        assertThat(unknown.contentType()).isEqualTo("text/plain;charset=UTF-8");
    }

    // --- Bad input: 400 naming the parameter

    @Test
    void shouldAnswer400NamingEveryWrongParameter() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(url("/evaluation/series.csv", "measure", "TST-CX-RATE"),
            "Invalid argument 'pilot': required (a pilot code; repeat it for several pilots)");
        cases.put(url("/evaluation/series.csv", "pilot", "TST-CX-P"), "Invalid argument 'measure': required");
        cases.put(url("/evaluation/series.csv", "pilot", "TST-NOPE", "pilot", "TST-CX-P", "pilot", "TST-NOPE2", "measure", "TST-CX-RATE"),
            "Invalid argument 'pilot': no pilot has code TST-NOPE, TST-NOPE2");
        cases.put(url("/evaluation/series.csv", "pilot", "TST-CX-P", "measure", "TST-NOPE"),
            "Invalid argument 'measure': no measure has code 'TST-NOPE'");
        cases.put(url("/evaluation/series.csv", "pilot", "TST-CX-P", "measure", "TST-CX-RATE", "measure", "TST-CX-SCORE"),
            "Invalid argument 'measure': given 2 times; give it once");
        cases.put(url("/evaluation/series.csv", "pilot", "TST-CX-P", "measure", "TST-CX-RATE", "from", "202324"),
            "Invalid argument 'from': '202324' is not a period: write TIME_PERIOD:TIME_IDENTIFIER, e.g. 202324:Autumn term");
        cases.put(url("/evaluation/series.csv", "pilot", "TST-CX-P", "measure", "TST-CX-RATE", "to", "2023:Autumn term"),
            "Invalid argument 'to': time_period 2023 is not a two-year period for 'Autumn term': 6 digits, the second "
                + "year following the first (e.g. 202324)");
        cases.put(url("/evaluation/series.csv", "pilot", "TST-CX-P", "measure", "TST-CX-RATE", "from", "202324:Winter term"),
            "Invalid argument 'from': time_identifier 'Winter term' is not one the hub knows: Calendar year, Academic year, "
                + "Financial year, Autumn term, Spring term, Summer term, Autumn and spring term or a month (January to December)");
        cases.put(url("/evaluation/series.csv", "pilot", "TST-CX-P", "measure", "TST-CX-RATE", "pilots", "TST-CY-P"),
            "Invalid argument 'pilots': not a parameter of this download; its parameters are from, measure, pilot, to");
        cases.put(url("/evaluation/effects.csv", "measure", "TST-CX-RATE"),
            "Invalid argument 'pilots': name the pilots to compare, or a reform to compare its pilots");
        cases.put(url("/evaluation/effects.csv", "measure", "TST-CX-RATE", "reform", "TST-NOPE"),
            "Invalid argument 'reform': no reform has code 'TST-NOPE'");
        cases.put(url("/evaluation/effects.csv", "measure", "TST-CX-RATE", "pilot", "TST-NOPE"),
            "Invalid argument 'pilots': no pilot has code TST-NOPE");
        cases.put(url("/evaluation/effects.csv", "measure", "TST-CX-RATE", "pilot", "TST-CX-P", "method", "WELCH"),
            "Invalid argument 'method': 'WELCH' is not a method: UNIT_CHANGE or CELLS");
        cases.put(url("/evaluation/effects.csv", "measure", "TST-CX-RATE", "pilot", "TST-CX-P", "baselineTo", "202324:Summer term",
            "followUpFrom", "202324:Spring term"),
            "Invalid argument 'baseline': the baseline window (before 2024-09-01) must end before the follow-up window "
                + "starts (2024-01-01) for pilot TST-CX-P");
        cases.put(url("/evaluation/effects.csv", "measure", "TST-CX-RATE", "pilot", "TST-CX-P", "followUpFrom", "202324:Spring"),
            "Invalid argument 'followUpFrom': time_identifier 'Spring' is not one the hub knows: Calendar year, Academic "
                + "year, Financial year, Autumn term, Spring term, Summer term, Autumn and spring term or a month (January to December)");
        cases.forEach((question, message) -> {
            for (Role role : List.of(Role.NATIONAL, Role.PUBLIC)) {
                Download answer = get(role, question);
                assertThat(answer.status()).as(role + " " + question + ": " + answer.body()).isEqualTo(400);
                assertThat(answer.contentType()).isEqualTo("text/plain;charset=UTF-8");
                assertThat(answer.body()).as(question).isEqualTo(message);
            }
        });
    }

    // --- Round trips

    @Test
    void shouldAnswerInAFewStatementsWhateverThePilots() {
        long before = statements.count();
        ok(Role.NATIONAL, url("/evaluation/series.csv", "pilot", "TST-CX-P", "pilot", "TST-CY-P", "measure", "TST-CX-RATE"));
        // The pilots, the measure, the pilots' lines, England's line.
        assertThat(statements.count() - before).isEqualTo(4);
        before = statements.count();
        ok(Role.NATIONAL, url("/evaluation/effects.csv", "measure", "TST-CX-RATE", "reform", "TST-CX-R"));
        // The measure, the pilots, the reform, every pilot's effect.
        assertThat(statements.count() - before).isEqualTo(4);
    }

    // --- helpers

    /** Lines {@code NAME cells} by name, each cell list with {@code ...} replaced by {@code common}, ending in CRLF. */
    private static Map<String, String> named(String common, String lines) {
        Map<String, String> named = new LinkedHashMap<>();
        for (String line : lines.strip().split("\n")) {
            String[] parts = line.strip().split("\\s+", 2);
            named.put(parts[0], parts[1].replace("...", common) + "\r\n");
        }
        return named;
    }

    /** A CSV line: the parts joined by commas, then CRLF. */
    private static String line(String... parts) {
        return String.join(",", parts) + "\r\n";
    }

    /** {@code n} cells of {@code z}, joined by commas. */
    private static String zs(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "z"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? null : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    private static Object path(Map<String, Object> data, String... steps) {
        Object at = data;
        for (String step : steps) {
            at = map(at).get(step);
        }
        return at;
    }

    private static String period(Object period) {
        Map<String, Object> p = map(period);
        return p == null ? "x" : p.get("timePeriod") + ":" + p.get("timeIdentifier");
    }
}
