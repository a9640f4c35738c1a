package uk.gov.send.rep.hub.benchmark;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Record;

/**
 * One entry of the reference mix: a GraphQL document answered by the hub and the hand-written
 * Cypher that answers the same question through the driver (the floor), each with the rows it
 * returns, so that the benchmark can check once that both give the same answer before timing them.
 *
 * @param name short name used in the report (e.g. {@code a-issue-example})
 * @param question what the query asks, in words
 * @param document the GraphQL document the hub executes
 * @param floorCypher the hand-written Cypher of the floor
 * @param cases the parameters of each request: requests cycle through them (several for lookups,
 *     so that each request reads another node)
 * @param hubRows the answer's rows, from the GraphQL response's {@code data}
 * @param floorRows the answer's rows, from the floor's records
 * @param group paging entries that belong together ({@code first}/{@code deep} of one order), or null
 * @param maxClients the largest client count this query is timed at (a query that scans millions of
 *     rows on both sides would make one round of 32 clients take minutes); unlimited by default
 */
record BenchmarkQuery(String name, String question, String document, String floorCypher, List<Case> cases,
        Function<Map<String, Object>, List<List<String>>> hubRows, Function<List<Record>, List<List<String>>> floorRows,
        PageGroup group, int maxClients) {

    /**
     * The parameters of one request.
     * @param variables the GraphQL variables
     * @param floorParameters the parameters of the floor's Cypher
     */
    record Case(Map<String, Object> variables, Map<String, Object> floorParameters) {
    }

    /**
     * Marks the two ends of a paging comparison: the first page and the page after {@code depth}
     * rows of the same connection and order.
     *
     * @param firstKey the natural key the deep page must start with (row {@code depth + 1}), or
     *     null for the first page
     */
    record PageGroup(String order, boolean deep, long depth, String firstKey) {
    }

    BenchmarkQuery {
        if (cases.isEmpty()) {
            throw new IllegalArgumentException(name + ": at least one case");
        }
    }

    /** A query with one set of parameters. */
    static BenchmarkQuery of(String name, String question, String document, Map<String, Object> variables,
            String floorCypher, Map<String, Object> floorParameters,
            Function<Map<String, Object>, List<List<String>>> hubRows, Function<List<Record>, List<List<String>>> floorRows) {
        return new BenchmarkQuery(name, question, document, floorCypher, List.of(new Case(variables, floorParameters)),
            hubRows, floorRows, null, Integer.MAX_VALUE);
    }

    BenchmarkQuery withCases(List<Case> more) {
        return new BenchmarkQuery(name, question, document, floorCypher, more, hubRows, floorRows, group, maxClients);
    }

    BenchmarkQuery inGroup(PageGroup pageGroup) {
        return new BenchmarkQuery(name, question, document, floorCypher, cases, hubRows, floorRows, pageGroup, maxClients);
    }

    BenchmarkQuery upToClients(int clients) {
        return new BenchmarkQuery(name, question, document, floorCypher, cases, hubRows, floorRows, group, clients);
    }

    Case caseFor(long request) {
        return cases.get((int) (request % cases.size()));
    }
}
