package uk.gov.send.rep.hub.transfer;

import uk.gov.send.rep.hub.transfer.GraphContract.NodeLabel;
import uk.gov.send.rep.hub.transfer.GraphContract.Pattern;

/**
 * Every statement of export and restore. Labels, types and keys come from {@link GraphContract}
 * only (never from a file or an argument), values are always parameters.
 */
final class TransferCypher {

    static final String PARTNERSHIP_CODES = "MATCH (p:Partnership) RETURN p.code AS code ORDER BY code";

    static final String LABELS = "CALL db.labels() YIELD label RETURN label ORDER BY label";

    static final String TYPES = "CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType AS type ORDER BY type";

    static final String NODE_COUNT = "MATCH (n) RETURN count(n) AS count";

    private TransferCypher() {
    }

    /** A page of nodes of a label in key order after {@code $after}: {@code key}, {@code properties}. */
    static String nodePage(NodeLabel label, ExportScope scope) {
        return "MATCH (n:" + label.label() + ") WHERE n." + label.key() + " > $after"
            + scope.predicate(label, "n").map(p -> " AND " + p).orElse("")
            + "\nWITH n ORDER BY n." + label.key() + " LIMIT $limit"
            + "\nRETURN n." + label.key() + " AS key, properties(n) AS properties";
    }

    /**
     * The relationships of a page of start nodes in key order after {@code $after}: {@code start},
     * {@code end} (null for a start node without one in scope) and {@code properties}.
     */
    static String relationshipPage(Pattern pattern, ExportScope scope) {
        NodeLabel start = pattern.start();
        NodeLabel end = pattern.end();
        return "MATCH (a:" + start.label() + ") WHERE a." + start.key() + " > $after"
            + scope.predicate(start, "a").map(p -> " AND " + p).orElse("")
            + "\nWITH a ORDER BY a." + start.key() + " LIMIT $limit"
            + "\nOPTIONAL MATCH (a)-[r:" + pattern.type() + "]->(b:" + end.label() + ")"
            + scope.predicate(end, "b").map(p -> " WHERE " + p).orElse("")
            + "\nRETURN a." + start.key() + " AS start, b." + end.key() + " AS end, properties(r) AS properties"
            + "\nORDER BY start, end";
    }

    /** Creates a batch of nodes ({@code $rows}: property maps). */
    static String createNodes(NodeLabel label) {
        return "UNWIND $rows AS row CREATE (n:" + label.label() + ") SET n = row";
    }

    /**
     * Creates a batch of relationships ({@code $rows}: {@code start}, {@code end} keys and
     * {@code properties}) between nodes found by natural key; returns how many were created.
     */
    static String createRelationships(Pattern pattern) {
        return "UNWIND $rows AS row"
            + "\nMATCH (a:" + pattern.start().label() + " {" + pattern.start().key() + ": row.start})"
            + "\nMATCH (b:" + pattern.end().label() + " {" + pattern.end().key() + ": row.end})"
            + "\nCREATE (a)-[r:" + pattern.type() + "]->(b) SET r = row.properties"
            + "\nRETURN count(r) AS created";
    }

    /** The first row of a batch ({@code line}) whose start or end node does not exist. */
    static String missingEnd(Pattern pattern) {
        return "UNWIND $rows AS row"
            + "\nWITH row WHERE NOT EXISTS { MATCH (a:" + pattern.start().label() + " {" + pattern.start().key()
            + ": row.start}) }"
            + "\n  OR NOT EXISTS { MATCH (b:" + pattern.end().label() + " {" + pattern.end().key() + ": row.end}) }"
            + "\nRETURN row.line AS line, EXISTS { MATCH (a:" + pattern.start().label() + " {" + pattern.start().key()
            + ": row.start}) } AS startFound ORDER BY line LIMIT 1";
    }

    /** How many nodes carry a label the database names (from the count store). */
    static String countLabel(String label) {
        return "MATCH (n:" + quote(label) + ") RETURN count(n) AS count";
    }

    /** How many relationships of a type the database names (from the count store). */
    static String countType(String type) {
        return "MATCH ()-[r:" + quote(type) + "]->() RETURN count(r) AS count";
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
