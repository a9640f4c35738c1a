package uk.gov.send.rep.hub.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import uk.gov.send.rep.hub.benchmark.BenchmarkQuery.Case;
import uk.gov.send.rep.hub.benchmark.BenchmarkQuery.PageGroup;
import uk.gov.send.rep.hub.benchmark.MixParameters.DeepRow;
import uk.gov.send.rep.hub.query.Cursors;
import uk.gov.send.rep.hub.query.Field;
import uk.gov.send.rep.hub.query.GlobalId;
import uk.gov.send.rep.hub.query.Sort;

/**
 * The reference mix: each entry is a question asked twice, once as GraphQL to the hub and once as
 * the Cypher a competent Neo4j developer would write for it by hand (the floor), returning the
 * same rows.
 *
 * <p><b>Adding a query is one entry</b> in {@link #queries(MixParameters)}: a name, the question,
 * a GraphQL document and its variables, the floor's Cypher and its parameters, and how to read
 * rows from each answer ({@link Rows#hub} picks fields from the GraphQL data; {@link Rows#floor}
 * takes the floor's columns in order). The benchmark refuses to time an entry whose two answers
 * differ.
 */
final class ReferenceMix {

    static final String CHILDREN_BY_REF = "children by ref";
    static final String CHILDREN_BY_BIRTH_YEAR_DESC = "children by birthYear DESC";
    static final String PLANS_BY_REQUESTED = "plans by requested";

    /**
     * The floor's answer to the issue's example, without its RETURN: from the partnership down to
     * the children of its member areas, then the child's own properties and two existence checks.
     */
    static final String ISSUE_EXAMPLE_FLOOR = """
        MATCH (:Partnership {code: $partnership})<-[:MEMBER_OF]-(:LocalArea)<-[:RESIDENT_IN]-(c:Child)
        WHERE c.senProvision = 'K' AND c.primaryNeed IN ['ASD', 'SLCN']
          AND EXISTS { (c)-[r:PLACED_AT]->(s:Setting) WHERE (r.to IS NULL OR r.to >= $since) AND s.kind IN $apKinds }
          AND EXISTS { (c)-[:HAS_PLAN]->(p:Plan) WHERE p.requested < $requestedBefore AND p.issued IS NULL }
        """;

    /** Setting kinds that are alternative provision. */
    static final List<String> AP_KINDS = List.of("ALTERNATIVE_PROVISION", "UNREGISTERED_AP");

    /** Rows per page of the paging entries. */
    private static final int PAGE = 50;

    private ReferenceMix() {
    }

    static List<BenchmarkQuery> queries(MixParameters data) {
        LocalDate yearAgo = data.asAt().minusYears(1);
        LocalDate twentyWeeksAgo = data.asAt().minusWeeks(20);
        List<BenchmarkQuery> mix = new ArrayList<>();

        // (a) The issue's example: relationship filters, nested two levels (area → partnership). "Placed in an AP
        // setting in the last year": a placement at an AP setting that is current or ended within the year. A
        // placement's own where has no OR, so the GraphQL client says it with OR over two placement filters.
        mix.add(BenchmarkQuery.of("a-issue-example",
            "Children resident in a partnership's member areas, primary need ASD or SLCN, on SEN support, placed in an"
                + " AP setting in the last year, with a plan request older than 20 weeks and no plan issued",
            """
            query IssueExample($partnership: String!, $since: Date!, $requestedBefore: Date!) {
              children(first: 50, where: {
                area: {some: {partnership: {some: {node: {code: {eq: $partnership}}}}}}
                primaryNeed: {in: [ASD, SLCN]}
                senProvision: {eq: K}
                OR: [
                  {placements: {some: {to: {isNull: true}, node: {kind: {in: [ALTERNATIVE_PROVISION, UNREGISTERED_AP]}}}}}
                  {placements: {some: {to: {gte: $since}, node: {kind: {in: [ALTERNATIVE_PROVISION, UNREGISTERED_AP]}}}}}
                ]
                plans: {some: {requested: {lt: $requestedBefore}, issued: {isNull: true}}}
              }) { edges { node { ref birthYear primaryNeed } } }
            }""",
            Map.of("partnership", data.issuePartnership(), "since", yearAgo.toString(),
                "requestedBefore", twentyWeeksAgo.toString()),
            ISSUE_EXAMPLE_FLOOR + """
            RETURN c.ref, c.birthYear, c.primaryNeed
            ORDER BY c.ref LIMIT 50""",
            Map.of("partnership", data.issuePartnership(), "since", yearAgo, "requestedBefore", twentyWeeksAgo,
                "apKinds", AP_KINDS),
            Rows.hub("children.edges.node", "ref", "birthYear", "primaryNeed"), Rows::floor));

        // (b) Settings involved in pilots testing the three-tier AP model, with their area.
        mix.add(BenchmarkQuery.of("b-three-tier-settings",
            "Settings involved in pilots testing the three-tier AP model, with their area",
            """
            query ThreeTierSettings($reform: String!) {
              settings(first: 100, where: {pilots: {some: {reforms: {some: {code: {eq: $reform}}}}}}) {
                edges { node { ref name kind apTier area { code name } } }
              }
            }""",
            Map.of("reform", data.reform()),
            """
            MATCH (:Reform {code: $reform})<-[:TESTS]-(:Pilot)-[:INVOLVES]->(s:Setting)
            WITH DISTINCT s ORDER BY s.ref LIMIT 100
            MATCH (s)-[:IN_AREA]->(a:LocalArea)
            RETURN s.ref, s.name, s.kind, s.apTier, a.code, a.name
            ORDER BY s.ref""",
            Map.of("reform", data.reform()),
            Rows.hub("settings.edges.node", "ref", "name", "kind", "apTier", "area.code", "area.name"), Rows::floor));

        // (c) A root connection, filtered, sorted by two keys.
        mix.add(BenchmarkQuery.of("c-sorted-filtered-root",
            "Plans issued in the last year, longest wait first (weeksToIssue DESC, then issued)",
            """
            query SlowestRecentPlans($issuedAfter: Date!) {
              plans(first: 50, where: {issued: {gt: $issuedAfter}},
                    orderBy: [{field: weeksToIssue, direction: DESC}, {field: issued}]) {
                edges { node { ref requested issued weeksToIssue template } }
              }
            }""",
            Map.of("issuedAfter", yearAgo.toString()),
            """
            MATCH (p:Plan) WHERE p.issued > $issuedAfter
            RETURN p.ref, p.requested, p.issued, p.weeksToIssue, p.template
            ORDER BY p.weeksToIssue DESC, p.issued, p.ref LIMIT 50""",
            Map.of("issuedAfter", yearAgo),
            Rows.hub("plans.edges.node", "ref", "requested", "issued", "weeksToIssue", "template"), Rows::floor));

        // (d) A nested read: partnership → member areas → first 20 settings each → their area.
        mix.add(BenchmarkQuery.of("d-nested-read",
            "A partnership, its member areas and the first 20 settings of each with their area",
            """
            query PartnershipSettings($code: String!) {
              partnership(code: $code) {
                name
                members(first: 20) { edges { role node { code name
                  settings(first: 20) { edges { node { ref name kind area { code } } } } } } }
              }
            }""",
            Map.of("code", data.partnership()),
            """
            MATCH (p:Partnership {code: $code})
            CALL (p) {
              MATCH (p)<-[m:MEMBER_OF]-(a:LocalArea)
              RETURN m, a ORDER BY a.code LIMIT 20
            }
            CALL (a) {
              MATCH (a)<-[:IN_AREA]-(s:Setting)
              RETURN s ORDER BY s.ref LIMIT 20
            }
            MATCH (s)-[:IN_AREA]->(sa:LocalArea)
            RETURN p.name, m.role, a.code, a.name, s.ref, s.name, s.kind, sa.code
            ORDER BY a.code, s.ref""",
            Map.of("code", data.partnership()),
            ReferenceMix::nestedReadRows, Rows::floor));

        // (e) Small lookups: a node by global id, and a setting by ref with its area and region.
        mix.add(BenchmarkQuery.of("e1-node-by-id", "A child by global id (node)",
            """
            query ChildById($id: ID!) {
              node(id: $id) { ... on Child { ref birthYear sex yearGroup senProvision primaryNeed } }
            }""",
            Map.of(), """
            MATCH (c:Child {ref: $ref})
            RETURN c.ref, c.birthYear, c.sex, c.yearGroup, c.senProvision, c.primaryNeed""",
            Map.of(), Rows.hub("node", "ref", "birthYear", "sex", "yearGroup", "senProvision", "primaryNeed"),
            Rows::floor)
            .withCases(data.childRefs().stream().map(ref -> new Case(Map.of("id", GlobalId.encode("Child", ref)),
                Map.<String, Object>of("ref", ref))).toList()));

        mix.add(BenchmarkQuery.of("e2-setting-lookup", "A setting by ref, with its area and the area's region",
            """
            query SettingByRef($ref: String!) {
              setting(ref: $ref) { ref name kind phase area { code name region { name } } }
            }""",
            Map.of(), """
            MATCH (s:Setting {ref: $ref})-[:IN_AREA]->(a:LocalArea)-[:IN_REGION]->(r:Region)
            RETURN s.ref, s.name, s.kind, s.phase, a.code, a.name, r.name""",
            Map.of(), Rows.hub("setting", "ref", "name", "kind", "phase", "area.code", "area.name", "area.region.name"),
            Rows::floor)
            .withCases(data.settingRefs().stream().map(ref -> new Case(Map.of("ref", ref),
                Map.<String, Object>of("ref", ref))).toList()));

        // (f) The first page and the page after `depth` rows, in key order and in two sorted orders.
        String childFields = "edges { node { ref birthYear senProvision primaryNeed } } pageInfo { hasNextPage endCursor }";
        String childColumns = "c.ref, c.birthYear, c.senProvision, c.primaryNeed";
        DeepRow byRef = data.deep().get(CHILDREN_BY_REF);
        mix.addAll(pages("f1-children-by-ref", CHILDREN_BY_REF, byRef,
            "query Children($after: String) { children(first: %d, after: $after) { %s } }".formatted(PAGE, childFields),
            Cursors.encode(byRef.afterValues().getLast()),
            "MATCH (c:Child) WHERE c.ref IS NOT NULL RETURN %s ORDER BY c.ref LIMIT %d".formatted(childColumns, PAGE + 1),
            "MATCH (c:Child) WHERE c.ref > $afterRef RETURN %s ORDER BY c.ref LIMIT %d".formatted(childColumns, PAGE + 1),
            Map.of("afterRef", byRef.afterValues().getLast()),
            Rows.hubPage("children", "ref", "birthYear", "senProvision", "primaryNeed")));

        // birthYear is never null (docs/model.md) and indexed with ref (V006), ties broken by ref in the same
        // direction: both sides read that index in order from the top (first page). From a cursor (deep page) the
        // floor seeks the range birthYear <= $year and skips the cursor's year's children up to its ref; the hub
        // seeks the two disjoint ranges beyond the cursor (ConnectionQueries.seekingPage).
        DeepRow byBirthYear = data.deep().get(CHILDREN_BY_BIRTH_YEAR_DESC);
        pages("f2-children-by-birth-year", CHILDREN_BY_BIRTH_YEAR_DESC, byBirthYear,
            "query ChildrenByAge($after: String) { children(first: %d, after: $after, orderBy: [{field: birthYear, direction: DESC}]) { %s } }"
                .formatted(PAGE, childFields),
            Cursors.encode(List.of(new Sort(Field.number("birthYear"), true)), byBirthYear.afterValues()),
            "MATCH (c:Child) WHERE c.birthYear IS NOT NULL AND c.ref IS NOT NULL RETURN %s ORDER BY c.birthYear DESC, c.ref DESC LIMIT %d"
                .formatted(childColumns, PAGE + 1),
            """
            MATCH (c:Child) WHERE c.birthYear <= $year AND c.ref IS NOT NULL
              AND (c.birthYear < $year OR (c.birthYear = $year AND c.ref < $afterRef))
            RETURN %s ORDER BY c.birthYear DESC, c.ref DESC LIMIT %d""".formatted(childColumns, PAGE + 1),
            Map.of("year", byBirthYear.afterValues().getFirst(), "afterRef", byBirthYear.afterValues().getLast()),
            Rows.hubPage("children", "ref", "birthYear", "senProvision", "primaryNeed"))
            .forEach(mix::add);

        DeepRow byRequested = data.deep().get(PLANS_BY_REQUESTED);
        mix.addAll(pages("f3-plans-by-requested", PLANS_BY_REQUESTED, byRequested,
            "query PlansByRequest($after: String) { plans(first: %d, after: $after, orderBy: [{field: requested}]) { %s } }"
                .formatted(PAGE, "edges { node { ref requested status } } pageInfo { hasNextPage endCursor }"),
            Cursors.encode(List.of(new Sort(Field.date("requested"), false)), byRequested.afterValues()),
            // requested is never null (docs/model.md), so the composite index on (requested, ref) gives the order.
            "MATCH (p:Plan) WHERE p.requested IS NOT NULL AND p.ref IS NOT NULL RETURN p.ref, p.requested, p.status ORDER BY p.requested, p.ref LIMIT %d"
                .formatted(PAGE + 1),
            """
            MATCH (p:Plan) WHERE p.requested >= $requested AND p.ref IS NOT NULL AND (p.requested > $requested OR p.ref > $afterRef)
            RETURN p.ref, p.requested, p.status ORDER BY p.requested, p.ref LIMIT %d""".formatted(PAGE + 1),
            Map.of("requested", byRequested.afterValues().getFirst(), "afterRef", byRequested.afterValues().getLast()),
            Rows.hubPage("plans", "ref", "requested", "status")));

        // (g) totalCount of a filtered connection: the open requests older than 20 weeks.
        mix.add(BenchmarkQuery.of("g-filtered-total",
            "How many plan requests are still open (requested or assessing) after more than 20 weeks",
            """
            query OverdueRequests($requestedBefore: Date!) {
              plans(where: {status: {in: [REQUESTED, ASSESSING]}, requested: {lt: $requestedBefore}}) { totalCount }
            }""",
            Map.of("requestedBefore", twentyWeeksAgo.toString()),
            """
            MATCH (p:Plan) WHERE p.status IN ['REQUESTED', 'ASSESSING'] AND p.requested < $requestedBefore
            RETURN count(p)""",
            Map.of("requestedBefore", twentyWeeksAgo),
            answer -> List.of(List.of(Rows.field(answer, "plans.totalCount"))), Rows::floor));

        return mix;
    }

    /**
     * The two ends of one paged order: the first page, and the page after the {@code depth}-th row
     * (its cursor made by the hub's own {@link Cursors} from that row's sort values).
     */
    private static List<BenchmarkQuery> pages(String name, String order, DeepRow deep, String document, String cursor,
            String firstCypher, String deepCypher, Map<String, Object> deepParameters,
            java.util.function.Function<Map<String, Object>, List<List<String>>> hubRows) {
        long depth = deep.depth();
        BenchmarkQuery first = BenchmarkQuery.of(name + "-first", "First page of " + order, document, Map.of(),
            firstCypher, Map.of(), hubRows, Rows.floorPage(PAGE)).inGroup(new PageGroup(order, false, depth, null));
        Map<String, Object> variables = Map.of("after", cursor);
        BenchmarkQuery after = BenchmarkQuery.of(name + "-deep", "Page of " + order + " after row " + depth, document,
            variables, deepCypher, deepParameters, hubRows, Rows.floorPage(PAGE))
            .inGroup(new PageGroup(order, true, depth, deep.nextKey()));
        return List.of(first, after);
    }

    /** (d) flattened: one row per setting, with its partnership, membership and area. */
    private static List<List<String>> nestedReadRows(Map<String, Object> data) {
        List<List<String>> rows = new ArrayList<>();
        Map<String, Object> partnership = Rows.at(data, "partnership").getFirst();
        for (Map<String, Object> member : Rows.at(partnership, "members.edges")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> area = (Map<String, Object>) member.get("node");
            for (Map<String, Object> setting : Rows.at(area, "settings.edges.node")) {
                rows.add(List.of(Rows.field(partnership, "name"), Rows.field(member, "role"), Rows.field(area, "code"),
                    Rows.field(area, "name"), Rows.field(setting, "ref"), Rows.field(setting, "name"),
                    Rows.field(setting, "kind"), Rows.field(setting, "area.code")));
            }
        }
        return rows;
    }
}
