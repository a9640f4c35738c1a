package uk.gov.send.rep.hub.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.gov.send.rep.hub.support.TestGraph;
import uk.gov.send.rep.hub.support.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /import/{kind}} over real HTTP with real tokens (issue 6): NATIONAL imports any rows,
 * LOCAL_AREA its own area's only (another area's row is a bad row, so the file is rejected whole
 * unless {@code goodRowsOnly}); every other role 403, no token 401; 400 for unusable input, 413
 * over the multipart limit (64KB here); every upload in the audit log as a write.
 *
 * <p>The fixture: partnership TST-UP with areas TST-U-921 (DfE code 993, the LOCAL_AREA token's)
 * and TST-U-922; children TST-U-C1 and C2 of TST-U-921, C3 of TST-U-922, C4 of no area; an
 * area-level measure TST-U-ABS and a child-level TST-U-CHILD.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.servlet.multipart.max-file-size=64KB", "spring.servlet.multipart.max-request-size=128KB"})
class ImportUploadIntegrationTests {

    /** The roles of the matrix. */
    enum Role {
        NATIONAL, PARTNERSHIP_LEAD, LOCAL_AREA, EVALUATOR, PUBLIC
    }

    private static final String EES = "time_period,time_identifier,geographic_level,new_la_code,la_name,absence_rate\n"
        + "201819,Academic year,Local authority,TST-U-921,Upload area 1,5.25\n"
        + "201920,Academic year,Local authority,TST-U-922,Upload area 2,6.5\n"
        + "201920,Academic year,National,,,4\n";

    private static final String MAPPING = "column,measure\nabsence_rate,TST-U-ABS\n";

    private static final String CHILD_HEADER = "child_ref,measure,time_period,time_identifier,value\n";

    /** Own children only. */
    private static final String OWN_CHILDREN = CHILD_HEADER
        + "TST-U-C1,TST-U-CHILD,202324,Autumn term,5\n"
        + "TST-U-C2,TST-U-CHILD,202324,Autumn term,7\n";

    /** Line 3 is another area's child, line 5 a child of no area. */
    private static final String MIXED_CHILDREN = CHILD_HEADER
        + "TST-U-C1,TST-U-CHILD,202324,Spring term,4\n"
        + "TST-U-C3,TST-U-CHILD,202324,Spring term,9\n"
        + "TST-U-C2,TST-U-CHILD,202324,Spring term,6\n"
        + "TST-U-C4,TST-U-CHILD,202324,Spring term,8\n";

    private static final String OBSERVATIONS = """
        MATCH (s)-[:OBSERVED]->(o:Observation) WHERE o.measure STARTS WITH 'TST-U-'
        RETURN coalesce(s.ref, s.code) AS subject, o.timeIdentifier AS term, o.value AS value
        ORDER BY subject, term""";

    /**
     * A kind that forgets {@code scopeAreas} (what a new kind might do): under a scope the core must
     * refuse it, not write what no one checked.
     */
    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    static class UnscopedKindConfiguration {

        @org.springframework.context.annotation.Bean
        ImportKind unscopedTestKind() {
            return new ImportKind() {
                @Override
                public String name() {
                    return "test-unscoped";
                }

                @Override
                public String description() {
                    return "a test kind whose rows do not say which areas they touch";
                }

                @Override
                public KindFile open(String file, List<String> header, ImportOptions options) {
                    return new KindFile() {
                        @Override
                        public List<Candidate> parse(CsvRow row, RowProblems problems) {
                            return List.of(new Candidate(Map.of("ref", row.get("child_ref")), List.of()));
                        }

                        @Override
                        public Map<String, Object> complete(Candidate candidate, Resolved resolved, RowProblems problems) {
                            return Map.of("key", "TST-U-UNSCOPED|" + candidate.parameters().get("ref"),
                                "ref", candidate.parameters().get("ref"));
                        }
                    };
                }

                @Override
                public String statement() {
                    return "UNWIND $rows AS row CREATE (:Observation {key: row.key, measure: 'TST-U-UNSCOPED'})";
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TestTokens tokens;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<String> runs = new ArrayList<>();

    @BeforeAll
    static void fixture() {
        TestGraph.run("""
            MERGE (p:Partnership {code: 'TST-UP'}) SET p.name = 'Upload test partnership'
            MERGE (a1:LocalArea {code: 'TST-U-921'}) SET a1.dfeCode = '993', a1.name = 'Upload area 1'
            MERGE (a2:LocalArea {code: 'TST-U-922'}) SET a2.dfeCode = 'TST-U-994', a2.name = 'Upload area 2'
            MERGE (a1)-[:MEMBER_OF {role: 'LEAD'}]->(p)
            MERGE (a2)-[:MEMBER_OF {role: 'MEMBER'}]->(p)
            MERGE (:Measure {code: 'TST-U-ABS', name: 'Upload absence', unit: 'PERCENT', polarity: 'LOWER_IS_BETTER',
                level: 'AREA', periodType: 'ACADEMIC_YEAR', valueKind: 'MEAN'})
            MERGE (:Measure {code: 'TST-U-CHILD', name: 'Upload child absence', unit: 'PERCENT',
                polarity: 'LOWER_IS_BETTER', level: 'CHILD', periodType: 'TERM', valueKind: 'RATE'})
            CREATE (:Child {ref: 'TST-U-C1'})-[:RESIDENT_IN]->(a1)
            CREATE (:Child {ref: 'TST-U-C2'})-[:RESIDENT_IN]->(a1)
            CREATE (:Child {ref: 'TST-U-C3'})-[:RESIDENT_IN]->(a2)
            CREATE (:Child {ref: 'TST-U-C4'})""");
    }

    @AfterEach
    void removeObservationsAndRuns() {
        TestGraph.run("MATCH (r:ImportRun) WHERE r.id IN $runs DETACH DELETE r", Map.of("runs", runs));
        TestGraph.run("MATCH (o:Observation) WHERE o.measure STARTS WITH 'TST-U-' DETACH DELETE o");
        TestGraph.run("MATCH (s:ObservationSummary) WHERE s.measure STARTS WITH 'TST-U-' DETACH DELETE s");
        runs.clear();
    }

    @AfterAll
    static void cleanUp() {
        TestGraph.deleteFixtures();
    }

    // --- HTTP

    /** A multipart part: a file (with a file name) or a plain field. */
    record Part(String name, String fileName, String content) {

        static Part file(String fileName, String content) {
            return new Part("file", fileName, content);
        }

        static Part field(String name, String value) {
            return new Part(name, null, value);
        }
    }

    record Answer(int status, JsonNode body, String text) {
    }

    private String token(Role role) {
        return switch (role) {
            case NATIONAL -> tokens.national();
            case PARTNERSHIP_LEAD -> tokens.lead("TST-UP");
            case LOCAL_AREA -> tokens.localArea("993");
            case EVALUATOR -> tokens.evaluator();
            case PUBLIC -> null;
        };
    }

    private Answer upload(Role role, String kind, Part... parts) {
        String boundary = "----hub-test-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(part.name()).append('"');
            if (part.fileName() != null) {
                head.append("; filename=\"").append(part.fileName()).append("\"\r\nContent-Type: text/csv");
            }
            head.append("\r\n\r\n");
            body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.content().getBytes(StandardCharsets.UTF_8));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/import/" + kind))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        String token = token(role);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = send(request.build());
        JsonNode parsed = null;
        if (response.headers().firstValue("Content-Type").orElse("").contains("json") && !response.body().isEmpty()) {
            parsed = json.readTree(response.body());
            JsonNode reports = parsed.isArray() ? parsed : parsed.get("reports");
            if (reports != null) {
                reports.forEach(report -> runs.add(report.get("runId").asString()));
            }
        }
        return new Answer(response.statusCode(), parsed, response.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private JsonNode graphQl(String query) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + tokens.national())
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", query))))
            .build();
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("errors")).as(response.body()).isNull();
        return body.get("data");
    }

    private static List<String> observations() {
        return TestGraph.run(OBSERVATIONS).stream()
            .map(r -> r.get("subject").asString() + " " + r.get("term").asString() + " " + r.get("value").asObject())
            .toList();
    }

    private static long auditEvents(String subject, String operation) {
        return TestGraph.run("""
            MATCH (e:AuditEvent {subject: $subject, operationName: $operation, operationType: 'mutation'})
            RETURN count(e) AS n""", Map.of("subject", subject, "operation", operation)).getFirst().get("n").asLong();
    }

    // --- tests

    @Test
    void shouldImportAnEesFileWithAMappingFileForNationalAndServeItThroughGraphQl() {
        Answer answer = upload(Role.NATIONAL, "ees", Part.file("absence.csv", EES), new Part("mapping", "map.csv", MAPPING));

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode report = answer.body().get(0);
        assertThat(answer.body()).hasSize(1);
        assertThat(report.get("file").asString()).isEqualTo("absence.csv");
        assertThat(report.get("kind").asString()).isEqualTo("ees");
        assertThat(report.get("outcome").asString()).isEqualTo("IMPORTED");
        assertThat(report.get("rowsRead").asLong()).isEqualTo(3);
        assertThat(report.get("rowsImported").asLong()).isEqualTo(2);
        assertThat(report.get("written").asLong()).isEqualTo(2);
        assertThat(report.get("skipped").properties()).hasSize(1);
        assertThat(report.get("badRows")).isEmpty();
        assertThat(report.get("runId").asString()).hasSize(64);

        JsonNode area = graphQl("""
            { localArea(code: "TST-U-921") { observations(first: 10) { edges { node { measure { code } timePeriod value } } } } }""")
            .get("localArea").get("observations").get("edges");
        assertThat(area).hasSize(1);
        assertThat(area.get(0).get("node").get("value").asDouble()).isEqualTo(5.25);
        assertThat(area.get(0).get("node").get("measure").get("code").asString()).isEqualTo("TST-U-ABS");
        assertThat(TestGraph.run("MATCH (r:ImportRun {id: $id}) RETURN r.file AS file",
            Map.of("id", report.get("runId").asString())).getFirst().get("file").asString()).isEqualTo("absence.csv");
    }

    @Test
    void shouldTakeMapParametersAsTheCommandLineDoes() {
        Answer answer = upload(Role.NATIONAL, "ees", Part.file("absence.csv", EES), Part.field("map", "absence_rate=TST-U-ABS"));

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(observations()).containsExactly("TST-U-921 Academic year 5.25", "TST-U-922 Academic year 6.5");
    }

    @Test
    void shouldImportALocalAreasOwnChildren() {
        Answer answer = upload(Role.LOCAL_AREA, "child-observations", Part.file("own.csv", OWN_CHILDREN));

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.body().get(0).get("outcome").asString()).isEqualTo("IMPORTED");
        assertThat(observations()).containsExactly("TST-U-C1 Autumn term 5.0", "TST-U-C2 Autumn term 7.0");
    }

    @Test
    void shouldRejectAFileWithAnotherAreasRowsForALocalAreaAndWriteNothing() {
        Answer answer = upload(Role.LOCAL_AREA, "child-observations", Part.file("mixed.csv", MIXED_CHILDREN));

        assertThat(answer.status()).as(answer.text()).isEqualTo(422);
        JsonNode report = answer.body().get(0);
        assertThat(report.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(report.get("file").asString()).isEqualTo("mixed.csv");
        JsonNode bad = report.get("badRows");
        assertThat(bad).hasSize(2);
        assertThat(bad.get(0).get("line").asLong()).isEqualTo(3);
        assertThat(bad.get(0).get("column").asString()).isEqualTo("child_ref");
        assertThat(bad.get(0).get("reason").asString()).isEqualTo("local area TST-U-922 is outside your scope (TST-U-921)");
        assertThat(bad.get(1).get("line").asLong()).isEqualTo(5);
        assertThat(bad.get(1).get("reason").asString()).contains("no local area").contains("outside your scope (TST-U-921)");
        assertThat(observations()).isEmpty();
        assertThat(TestGraph.run("MATCH (r:ImportRun {id: $id}) RETURN r", Map.of("id", report.get("runId").asString())))
            .isEmpty();
    }

    @Test
    void shouldImportOnlyALocalAreasOwnRowsWithGoodRowsOnly() {
        Answer answer = upload(Role.LOCAL_AREA, "child-observations", Part.file("mixed.csv", MIXED_CHILDREN),
            Part.field("goodRowsOnly", "true"));

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.body().get(0).get("outcome").asString()).isEqualTo("IMPORTED");
        assertThat(answer.body().get(0).get("rowsImported").asLong()).isEqualTo(2);
        assertThat(answer.body().get(0).get("badRows")).hasSize(2);
        assertThat(observations()).containsExactly("TST-U-C1 Spring term 4.0", "TST-U-C2 Spring term 6.0");
    }

    @Test
    void shouldImportEveryAreaForNationalAndChangeNothingTheSecondTime() {
        Answer first = upload(Role.NATIONAL, "child-observations", Part.file("mixed.csv", MIXED_CHILDREN));
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        List<String> after = observations();
        assertThat(after).hasSize(4);

        Answer again = upload(Role.NATIONAL, "child-observations", Part.file("mixed.csv", MIXED_CHILDREN));

        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.body().get(0).get("outcome").asString()).isEqualTo("ALREADY_IMPORTED");
        assertThat(again.body().get(0).get("runId").asString()).isEqualTo(first.body().get(0).get("runId").asString());
        assertThat(observations()).isEqualTo(after);
    }

    @Test
    void shouldReportTheSameFileTwiceInOneUploadAsAlreadyImported() {
        Answer answer = upload(Role.LOCAL_AREA, "child-observations", Part.file("own.csv", OWN_CHILDREN),
            Part.file("own-again.csv", OWN_CHILDREN));

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.body()).hasSize(2);
        assertThat(answer.body().get(0).get("outcome").asString()).isEqualTo("IMPORTED");
        assertThat(answer.body().get(1).get("outcome").asString()).isEqualTo("ALREADY_IMPORTED");
        assertThat(answer.body().get(1).get("file").asString()).isEqualTo("own-again.csv");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"PARTNERSHIP_LEAD", "EVALUATOR"})
    void shouldRefuseEveryOtherRoleWithAJson403(Role role) {
        long before = auditEvents(role == Role.EVALUATOR ? "test-evaluator" : "test-lead", "import child-observations");

        Answer answer = upload(role, "child-observations", Part.file("own.csv", OWN_CHILDREN));

        assertThat(answer.status()).as(answer.text()).isEqualTo(403);
        assertThat(answer.body().get("error").asString()).isEqualTo("FORBIDDEN");
        assertThat(answer.body().get("message").asString()).startsWith("Role " + role.name() + " may not import files");
        assertThat(observations()).isEmpty();
        assertThat(auditEvents(role == Role.EVALUATOR ? "test-evaluator" : "test-lead", "import child-observations"))
            .isEqualTo(before + 1);
    }

    @Test
    void shouldAnswer401WithoutAToken() {
        Answer answer = upload(Role.PUBLIC, "child-observations", Part.file("own.csv", OWN_CHILDREN));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(observations()).isEmpty();
    }

    @Test
    void shouldAnswer400NamingWhatIsUnusable() {
        Answer unknown = upload(Role.NATIONAL, "pupils", Part.file("own.csv", OWN_CHILDREN));
        assertThat(unknown.status()).as(unknown.text()).isEqualTo(400);
        assertThat(unknown.body().get("message").asString()).startsWith("Unknown kind 'pupils'")
            .contains("child-observations").contains("ees");

        Answer badMap = upload(Role.NATIONAL, "ees", Part.file("absence.csv", EES), Part.field("map", "absence_rate"));
        assertThat(badMap.status()).as(badMap.text()).isEqualTo(400);
        assertThat(badMap.body().get("message").asString()).isEqualTo("map: 'absence_rate': expected COLUMN=MEASURE_CODE");

        Answer noColumn = upload(Role.NATIONAL, "child-observations",
            Part.file("short.csv", "child_ref,measure,time_period\nTST-U-C1,TST-U-CHILD,202324\n"));
        assertThat(noColumn.status()).as(noColumn.text()).isEqualTo(400);
        assertThat(noColumn.body().get("message").asString()).startsWith("short.csv: line 1: no column time_identifier, value");

        Answer noFile = upload(Role.NATIONAL, "ees", Part.field("map", "absence_rate=TST-U-ABS"));
        assertThat(noFile.status()).as(noFile.text()).isEqualTo(400);
        assertThat(noFile.body().get("message").asString()).contains("'file'");
        assertThat(observations()).isEmpty();
    }

    @Test
    void shouldAnswer413OverTheSizeLimit() {
        StringBuilder big = new StringBuilder(CHILD_HEADER);
        while (big.length() < 100_000) {
            big.append("TST-U-C1,TST-U-CHILD,202324,Autumn term,5\n");
        }
        Answer answer = upload(Role.NATIONAL, "child-observations", Part.file("big.csv", big.toString()));

        assertThat(answer.status()).as(answer.text()).isEqualTo(413);
        assertThat(answer.body().get("message").asString()).contains("64KB").contains("spring.servlet.multipart.max-file-size");
        assertThat(observations()).isEmpty();
    }

    @Test
    void shouldLetALocalAreaImportItsOwnEesRowsButNotDeclareMeasures() {
        Answer own = upload(Role.LOCAL_AREA, "ees", Part.file("absence.csv", EES), Part.field("map", "absence_rate=TST-U-ABS"),
            Part.field("goodRowsOnly", "true"));
        assertThat(own.status()).as(own.text()).isEqualTo(200);
        assertThat(own.body().get(0).get("badRows").get(0).get("column").asString()).isEqualTo("new_la_code");
        assertThat(observations()).containsExactly("TST-U-921 Academic year 5.25");

        Answer declaring = upload(Role.LOCAL_AREA, "ees", Part.file("absence.csv", EES), new Part("mapping", "map.csv",
            "column,measure,name,unit,polarity\nabsence_rate,TST-U-NEW,New measure,PERCENT,LOWER_IS_BETTER\n"));
        assertThat(declaring.status()).as(declaring.text()).isEqualTo(403);
        assertThat(declaring.body().get("message").asString()).contains("only NATIONAL");
        assertThat(TestGraph.run("MATCH (m:Measure {code: 'TST-U-NEW'}) RETURN m")).isEmpty();
    }

    @Test
    void shouldRefuseAKindWhoseRowsDoNotNameTheirAreasUnderAScope() {
        Answer answer = upload(Role.LOCAL_AREA, "test-unscoped", Part.file("own.csv", OWN_CHILDREN));

        assertThat(answer.status()).as(answer.text()).isEqualTo(500);
        assertThat(answer.body().get("error").asString()).isEqualTo("INTERNAL_ERROR");
        assertThat(observations()).isEmpty();
        assertThat(TestGraph.run("MATCH (o:Observation {measure: 'TST-U-UNSCOPED'}) RETURN o")).isEmpty();
    }

    @Test
    void shouldRecordEveryUploadInTheAuditLogAsAWrite() {
        long before = auditEvents("test-local-area", "import child-observations");

        upload(Role.LOCAL_AREA, "child-observations", Part.file("own.csv", OWN_CHILDREN));
        upload(Role.LOCAL_AREA, "child-observations", Part.file("mixed.csv", MIXED_CHILDREN));

        assertThat(auditEvents("test-local-area", "import child-observations")).isEqualTo(before + 2);
        List<String> outcomes = TestGraph.run("""
            MATCH (e:AuditEvent {subject: 'test-local-area', operationName: 'import child-observations'})
            RETURN e.outcome AS outcome, e.localArea AS area, e.role AS role ORDER BY e.id DESC LIMIT 2""").stream()
            .map(r -> r.get("outcome").asString() + " " + r.get("area").asString() + " " + r.get("role").asString())
            .toList();
        assertThat(outcomes).containsExactly("ERROR TST-U-921 LOCAL_AREA", "OK TST-U-921 LOCAL_AREA");
    }
}
