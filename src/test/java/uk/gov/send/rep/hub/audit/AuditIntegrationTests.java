package uk.gov.send.rep.hub.audit;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.publisher.Mono;

import uk.gov.send.rep.hub.child.ChildGraph;
import uk.gov.send.rep.hub.outcome.OutcomeGraph;
import uk.gov.send.rep.hub.plan.PlanGraph;
import uk.gov.send.rep.hub.query.GlobalId;
import uk.gov.send.rep.hub.query.QueryCost;
import uk.gov.send.rep.hub.query.Scope;
import uk.gov.send.rep.hub.support.RoleClient;
import uk.gov.send.rep.hub.support.TestGraph;
import uk.gov.send.rep.hub.support.TestNeo4j;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log (issue 4, ADR 0011) over real HTTP, where it is recorded: one event per request
 * that returned protected rows, with counts equal to the rows in the answer, the operation's name
 * and document hash, and nothing of the variables or the data; none for requests that returned no
 * protected rows (reference data, aggregates); the caller's role and scope as the GraphQL context
 * gives them; the answer withheld when the event cannot be written; {@code auditEvents} for
 * NATIONAL only.
 *
 * <p>The fixture: partnership TST-AUD with one area and one setting, four children resident there,
 * one plan and one observation per child, and one observation of the area (a published statistic,
 * not a protected row).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class AuditIntegrationTests {

    private static final String AREA = "TST-AUD-A1";

    /** Every property an audit event has (partnership and localArea only when the scope has them). */
    private static final List<String> PROPERTIES = List.of("id", "at", "day", "subject", "role", "operationName",
        "operationType", "operationHash", "rows", "childRows", "planRows", "observationRows", "auditEventRows", "outcome");

    private static final String CHILDREN = """
        query AuditedChildren($area: String!) {
          localArea(code: $area) {
            children(first: 10) { edges { node { ref plans { ref }
              observations(first: 5) { edges { node { measureCode value } } } } } }
            observations(first: 5) { edges { node { measureCode value } } }
          }
        }""";

    @Autowired
    HttpGraphQlTester http;

    @Autowired
    ExecutionGraphQlService graphQl;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Autowired
    uk.gov.send.rep.hub.support.TestTokens tokens;

    @Autowired
    AuditInterceptor interceptor;

    @Autowired
    AuditLog audit;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @BeforeAll
    static void fixture() {
        TestGraph.partnershipTree("TST-AUD", 1, 1, 4);
        TestGraph.run("""
            MATCH (c:Child)-[:RESIDENT_IN]->(area:LocalArea {code: $area})
            CREATE (c)-[:HAS_PLAN]->(p:Plan {ref: c.ref + '-P', kind: 'EHC_PLAN', requested: date('2024-01-08'),
              exceptionsApply: false, template: 'LOCAL', digital: false, status: 'REQUESTED'})-[:MAINTAINED_BY]->(area)
            CREATE (c)-[:OBSERVED]->(:Observation {key: 'TST-AUDM|Child|' + c.ref + '|2024|Calendar year',
              measure: 'TST-AUDM', timePeriod: 2024, timeIdentifier: 'Calendar year', periodStart: date('2024-01-01'),
              value: 1.0})
            WITH DISTINCT area
            CREATE (area)-[:OBSERVED]->(:Observation {key: 'TST-AUDM|LocalArea|' + area.code + '|2024|Calendar year',
              measure: 'TST-AUDM', timePeriod: 2024, timeIdentifier: 'Calendar year', periodStart: date('2024-01-01'),
              value: 7.5})""", Map.of("area", AREA));
    }

    @AfterAll
    static void cleanUp() {
        TestGraph.deleteFixtures();
    }

    private GraphQlTester national() {
        // TEMP (until the auth branch lands): HTTP requests in tests run as NATIONAL, subject "test".
        return http.mutate().webTestClient(client -> client.responseTimeout(Duration.ofSeconds(60)))
            .responseTimeout(Duration.ofSeconds(60)).build();
    }

    /** The stored properties of the events written for a document. */
    private static List<Map<String, Object>> eventsOf(String document) {
        return TestGraph.run("MATCH (e:AuditEvent {operationHash: $hash}) RETURN properties(e) AS e ORDER BY e.id",
            Map.of("hash", AuditLog.hash(document))).stream().map(r -> r.get("e").asMap()).toList();
    }

    @Test
    void shouldRecordOneEventWithTheRowsTheAnswerReturnedAndNothingOfItsValues() {
        GraphQlTester.Response response = national().document(CHILDREN).variable("area", AREA).execute();
        response.errors().verify();
        List<String> children = response.path("localArea.children.edges[*].node.ref").entityList(String.class).get();
        List<String> plans = response.path("localArea.children.edges[*].node.plans[*].ref").entityList(String.class).get();
        List<Object> childObservations = response.path("localArea.children.edges[*].node.observations.edges[*].node")
            .entityList(Object.class).get();
        response.path("localArea.observations.edges").entityList(Object.class).hasSize(1);
        assertThat(children).hasSize(4);
        assertThat(plans).hasSize(4);
        assertThat(childObservations).hasSize(4);

        List<Map<String, Object>> events = eventsOf(CHILDREN);
        assertThat(events).hasSize(1);
        Map<String, Object> event = events.getFirst();
        assertThat(event.keySet()).containsExactlyInAnyOrderElementsOf(PROPERTIES);
        assertThat(event).containsEntry("subject", "test-national").containsEntry("role", "NATIONAL")
            .containsEntry("operationName", "AuditedChildren").containsEntry("operationType", "query")
            .containsEntry("operationHash", AuditLog.hash(CHILDREN)).containsEntry("outcome", "OK")
            // The area's observation is a published statistic, not a protected row.
            .containsEntry("childRows", (long) children.size()).containsEntry("planRows", (long) plans.size())
            .containsEntry("observationRows", (long) childObservations.size()).containsEntry("auditEventRows", 0L)
            .containsEntry("rows", (long) (children.size() + plans.size() + childObservations.size()));
        assertThat(AuditLog.hash(CHILDREN)).matches("[0-9a-f]{64}");
        assertThat(event.get("at")).isInstanceOf(java.time.ZonedDateTime.class);
        assertThat(event.get("day")).isEqualTo(((java.time.ZonedDateTime) event.get("at")).toLocalDate());
        assertThat(UUID.fromString((String) event.get("id")).version()).isEqualTo(7);
        // Neither the variable's value nor any value returned is stored.
        for (Object value : event.values()) {
            assertThat(String.valueOf(value)).doesNotContain("TST-AUD").doesNotContain("7.5");
        }
    }

    @Test
    void shouldRecordNothingForReferenceDataOrAggregates() {
        String document = """
            query AuditNoChildRows {
              partnership(code: "TST-AUD") { name members(first: 5) { edges { node { code } } } }
              localArea(code: "TST-AUD-A1") {
                children { totalCount aggregate { count } groupBy(by: [primaryNeed]) { key { primaryNeed } count } }
                plans { aggregate { count } }
                observations(first: 5) { edges { node { measureCode } } }
              }
            }""";
        GraphQlTester.Response response = national().document(document).execute();
        response.errors().verify();
        response.path("localArea.children.totalCount").entity(Integer.class).isEqualTo(4);
        response.path("localArea.observations.edges").entityList(Object.class).hasSize(1);
        assertThat(eventsOf(document)).isEmpty();
    }

    @Test
    void shouldListEventsNewestFirstForNationalAndAuditThatReadToo() {
        String read = CHILDREN.replace("AuditedChildren", "AuditNewestFirst");
        national().document(read).variable("area", AREA).execute().errors().verify();
        national().document(read).variable("area", AREA).execute().errors().verify();

        String log = """
            query AuditLogRead {
              auditEvents(first: 5, where: {operationName: {eq: "AuditNewestFirst"}, day: {gte: "2020-01-01"}}) {
                totalCount
                edges { node { id uuid at day subject role partnership operationName operationHash rows childRows outcome } }
              }
            }""";
        GraphQlTester.Response response = national().document(log).execute();
        response.errors().verify();
        response.path("auditEvents.totalCount").entity(Integer.class).isEqualTo(2);
        List<String> ids = response.path("auditEvents.edges[*].node.uuid").entityList(String.class).get();
        List<String> at = response.path("auditEvents.edges[*].node.at").entityList(String.class).get();
        assertThat(ids).hasSize(2);
        assertThat(ids.get(0)).isGreaterThan(ids.get(1));
        assertThat(java.time.Instant.parse(at.get(0))).isAfterOrEqualTo(java.time.Instant.parse(at.get(1)));
        response.path("auditEvents.edges[*].node.childRows").entityList(Integer.class).containsExactly(4, 4);
        response.path("auditEvents.edges[*].node.operationHash").entityList(String.class)
            .containsExactly(AuditLog.hash(read), AuditLog.hash(read));
        response.path("auditEvents.edges[0].node.id").entity(String.class)
            .isEqualTo(GlobalId.encode("AuditEvent", ids.getFirst()));

        // Reading the log returned protected rows (audit events): that read is recorded too.
        List<Map<String, Object>> reads = eventsOf(log);
        assertThat(reads).hasSize(1);
        assertThat(reads.getFirst()).containsEntry("auditEventRows", 2L).containsEntry("childRows", 0L)
            .containsEntry("rows", 2L);

        // Aggregates over the log: exact for NATIONAL, and (no rows returned) not themselves audited.
        String aggregate = """
            query AuditLogAggregate {
              auditEvents(where: {operationName: {eq: "AuditNewestFirst"}}) { aggregate { count sum { childRows } } }
            }""";
        GraphQlTester.Response counted = national().document(aggregate).execute();
        counted.errors().verify();
        counted.path("auditEvents.aggregate.count").entity(Integer.class).isEqualTo(2);
        counted.path("auditEvents.aggregate.sum.childRows").entity(Double.class).isEqualTo(8.0);
        assertThat(eventsOf(aggregate)).isEmpty();
    }

    @Test
    void shouldRefuseTheAuditLogToEveryRoleButNational() {
        String event = (String) TestGraph.run("MATCH (e:AuditEvent) RETURN e.id AS id LIMIT 1").stream().findFirst()
            .map(r -> r.get("id").asString())
            .orElseGet(() -> {
                national().document(CHILDREN.replace("AuditedChildren", "AuditSomeEvent")).variable("area", AREA)
                    .execute().errors().verify();
                return TestGraph.run("MATCH (e:AuditEvent) RETURN e.id AS id LIMIT 1").getFirst().get("id").asString();
            });
        RoleClient client = new RoleClient(port);
        List<String> queries = List.of(
            "{ auditEvents(first: 5) { edges { node { uuid subject } } } }",
            "{ auditEvents { totalCount } }",
            "{ auditEvents { aggregate { count } } }",
            "{ auditEvents { groupBy(by: [role]) { key { role } count } } }",
            "{ node(id: \"" + GlobalId.encode("AuditEvent", event) + "\") { id } }");
        // Real tokens of every other role (reference data: CPP-NE, County Durham), and none.
        Map<String, String> others = new java.util.LinkedHashMap<>();
        others.put("PARTNERSHIP_LEAD", tokens.lead("CPP-NE"));
        others.put("LOCAL_AREA", tokens.localArea("E06000047"));
        others.put("EVALUATOR", tokens.evaluator());
        others.put("PUBLIC", null);
        for (String query : queries) {
            RoleClient.Answer national = client.ask(tokens.national(), query);
            assertThat(national.errors()).as("NATIONAL: " + query).isEmpty();
            others.forEach((role, token) -> {
                RoleClient.Answer answer = client.ask(token, query);
                assertThat(answer.errors()).as(role + ": " + query).isNotEmpty()
                    .allSatisfy(error -> assertThat(error.classification()).isEqualTo("FORBIDDEN"));
                assertThat(answer.values("auditEvents.edges")).as(role + ": " + query).containsOnlyNulls();
                assertThat(answer.values("node.id")).as(role + ": " + query).containsOnlyNulls();
            });
        }
    }

    /** A request over HTTP as the interceptor sees it, and its computed response (data and errors as given). */
    private static WebGraphQlResponse computed(String document, Scope scope, QueryCost cost, Map<String, Object> data,
            boolean withError) {
        ExecutionInput input = ExecutionInput.newExecutionInput(document)
            .graphQLContext(Map.of(Scope.CONTEXT_KEY, scope, QueryCost.CONTEXT_KEY, cost)).build();
        ExecutionResult.Builder<?> result = ExecutionResult.newExecutionResult().data(data);
        if (withError) {
            result.addError(GraphqlErrorBuilder.newError().message("one field failed").build());
        }
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(input, result.build()));
    }

    private static WebGraphQlRequest request(String document, String operationName) {
        return new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(), new LinkedMultiValueMap<>(),
            Map.of(), Map.of("query", document, "operationName", operationName), UUID.randomUUID().toString(), null);
    }

    @Test
    void shouldRecordTheCallersRoleAndScopeFromTheGraphQlContext() {
        String document = "query LeadReads { localArea(code: \"X\") { children(first: 3) { edges { node { ref } } } } }";
        Scope lead = new Scope("lead-7", "PARTNERSHIP_LEAD", "TST-RA", null, Scope.Rows.AREAS, List.of("TST-RA-A1"));
        QueryCost cost = new QueryCost();
        cost.addProtectedRows("Child", 3);
        cost.addProtectedRows("Plan", 1);
        WebGraphQlResponse response = computed(document, lead, cost, Map.of("localArea", Map.of()), true);

        WebGraphQlResponse served = interceptor.intercept(request(document, "LeadReads"), next -> Mono.just(response)).block();

        assertThat(served).isSameAs(response);
        List<Map<String, Object>> events = eventsOf(document);
        assertThat(events).hasSize(1);
        assertThat(events.getFirst()).containsEntry("subject", "lead-7").containsEntry("role", "PARTNERSHIP_LEAD")
            .containsEntry("partnership", "TST-RA").doesNotContainKey("localArea")
            .containsEntry("operationName", "LeadReads").containsEntry("childRows", 3L).containsEntry("planRows", 1L)
            .containsEntry("rows", 4L).containsEntry("outcome", "PARTIAL");

        Scope local = new Scope("local-2", "LOCAL_AREA", null, "TST-RA-A1", Scope.Rows.AREAS, List.of("TST-RA-A1"));
        String localDocument = document.replace("LeadReads", "LocalReads");
        QueryCost localCost = new QueryCost();
        localCost.addProtectedRows("Observation", 2);
        interceptor.intercept(request(localDocument, "LocalReads"),
            next -> Mono.just(computed(localDocument, local, localCost, Map.of("localArea", Map.of()), false))).block();
        assertThat(eventsOf(localDocument)).singleElement().satisfies(event -> assertThat(event)
            .containsEntry("role", "LOCAL_AREA").containsEntry("localArea", "TST-RA-A1").doesNotContainKey("partnership")
            .containsEntry("observationRows", 2L).containsEntry("rows", 2L).containsEntry("outcome", "OK"));
    }

    @Test
    void shouldWithholdTheAnswerWhenTheEventCannotBeWritten() {
        Driver closed = GraphDatabase.driver(TestNeo4j.boltUri(), AuthTokens.none());
        closed.close();
        AuditLog broken = new AuditLog(Neo4jClient.create(closed),
            List.of(ChildGraph.CHILD, PlanGraph.PLAN, OutcomeGraph.OBSERVATION, AuditGraph.AUDIT_EVENT), new SimpleMeterRegistry());
        AuditInterceptor failing = new AuditInterceptor(broken);
        String document = "query WithheldChildren { children(first: 2) { edges { node { ref } } } }";
        QueryCost cost = new QueryCost();
        cost.addProtectedRows("Child", 2);
        Map<String, Object> data = Map.of("children", Map.of("edges", List.of(Map.of("node", Map.of("ref", "TST-SECRET")))));

        WebGraphQlResponse served = failing.intercept(request(document, "WithheldChildren"),
            next -> Mono.just(computed(document, Scope.national("n"), cost, data, false))).block();

        assertThat((Object) served.getData()).isNull();
        assertThat(served.toMap().toString()).doesNotContain("TST-SECRET");
        assertThat(served.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getErrorType()).isEqualTo(ErrorType.INTERNAL_ERROR);
            assertThat(error.getMessage()).isEqualTo(AuditInterceptor.WITHHELD);
        });
        assertThat(eventsOf(document)).isEmpty();

        // A request that returned no protected rows needs no event: served as computed, log or no log.
        String reference = "query NoEventNeeded { partnerships(first: 1) { edges { node { code } } } }";
        WebGraphQlResponse plain = computed(reference, Scope.national("n"), new QueryCost(), Map.of("partnerships", Map.of()), false);
        assertThat(failing.intercept(request(reference, "NoEventNeeded"), next -> Mono.just(plain)).block()).isSameAs(plain);
    }

    /**
     * The cost of the audit write, as {@code hub.audit.write} times it: 50 writes to warm up, then
     * 500 timed ones, one at a time, each its own auto-commit transaction (README, "Audit log").
     */
    @Test
    void shouldTimeEveryWriteInTheHubsOwnMetric() {
        io.micrometer.core.instrument.Timer timer = meters.find("hub.audit.write").timer();
        assertThat(timer).isNotNull();
        AuditLog.Entry entry = new AuditLog.Entry(Scope.national("timing"), "AuditTiming", "query",
            AuditLog.hash("query AuditTiming { children(first: 100) { edges { node { ref } } } }"),
            Map.of("Child", 100L), AuditOutcome.OK);
        for (int i = 0; i < 50; i++) {
            audit.record(entry, null);
        }
        long before = timer.count();
        double totalBefore = timer.totalTime(java.util.concurrent.TimeUnit.MICROSECONDS);
        long[] micros = new long[500];
        for (int i = 0; i < micros.length; i++) {
            long started = System.nanoTime();
            audit.record(entry, null);
            micros[i] = (System.nanoTime() - started) / 1_000;
        }
        assertThat(timer.count() - before).isEqualTo(micros.length);
        java.util.Arrays.sort(micros);
        double mean = (timer.totalTime(java.util.concurrent.TimeUnit.MICROSECONDS) - totalBefore) / micros.length;
        System.out.printf("audit write: mean %.0f us (hub.audit.write), p50 %d us, p95 %d us, p99 %d us over %d writes%n",
            mean, micros[micros.length / 2], micros[micros.length * 95 / 100], micros[micros.length * 99 / 100], micros.length);
        assertThat(TestGraph.run("MATCH (e:AuditEvent {operationName: 'AuditTiming'}) RETURN count(e) AS n").getFirst()
            .get("n").asLong()).isEqualTo(550);
    }
}
