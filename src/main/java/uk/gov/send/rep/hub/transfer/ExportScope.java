package uk.gov.send.rep.hub.transfer;

import java.util.Optional;

import uk.gov.send.rep.hub.transfer.GraphContract.NodeLabel;

/**
 * What an export holds: the whole graph, or one partnership's part (README, "Export and restore";
 * docs/export-format.md, "Scope"). A node is in a partnership's part if its label's predicate
 * holds; a relationship if both its ends are, so no relationship of the export points to a node
 * that is not in it.
 *
 * @param partnership the partnership's code, or null for the whole graph
 */
record ExportScope(String partnership) {

    /** The partnership's member areas, from a local area variable. */
    private static final String MEMBER = "-[:MEMBER_OF]->(:Partnership {code: $partnership})";

    static ExportScope full() {
        return new ExportScope(null);
    }

    boolean isFull() {
        return partnership == null;
    }

    /** A description for the manifest and the log. */
    String describe() {
        return isFull() ? "the whole graph" : "partnership " + partnership;
    }

    /**
     * The Cypher predicate on {@code variable} of this label that says a node is in scope
     * ({@code $partnership} bound to the code), empty if every node of the label is.
     */
    Optional<String> predicate(NodeLabel label, String variable) {
        if (isFull()) {
            return Optional.empty();
        }
        String v = variable;
        return Optional.ofNullable(switch (label.label()) {
            case "Child" -> childPredicate(v);
            case "Plan" -> "EXISTS { (" + v + ")<-[:HAS_PLAN]-(:Child)-[:RESIDENT_IN]->(:LocalArea)" + MEMBER + " }";
            case "Pilot" -> "EXISTS { (" + v + ")<-[:RUNS]-(:Partnership {code: $partnership}) }";
            case "Setting" -> settingPredicate(v);
            case "Observation" -> "(EXISTS { (" + v + ")<-[:OBSERVED]-(:LocalArea) }"
                + " OR EXISTS { (" + v + ")<-[:OBSERVED]-(s:Setting) WHERE " + settingPredicate("s") + " }"
                + " OR EXISTS { (" + v + ")<-[:OBSERVED]-(c:Child) WHERE " + childPredicate("c") + " })";
            // The audit log is the whole hub's (NATIONAL only): never part of a partnership's export.
            case "AuditEvent" -> "false";
            // Which files went into the whole hub (ingest, ADR 0015): the hub's record, not a partnership's.
            // So is the record of mutation calls made with an idempotency key (ADR 0017).
            case "ImportRun", "IdempotencyRecord" -> "false";
            // Reference data (regions, areas, partnerships, reforms, measures) and the seed's record.
            default -> null;
        });
    }

    private static String childPredicate(String v) {
        return "EXISTS { (" + v + ")-[:RESIDENT_IN]->(:LocalArea)" + MEMBER + " }";
    }

    private static String settingPredicate(String v) {
        return "(EXISTS { (" + v + ")-[:IN_AREA]->(:LocalArea)" + MEMBER + " }"
            + " OR EXISTS { (" + v + ")<-[:PLACED_AT]-(:Child)-[:RESIDENT_IN]->(:LocalArea)" + MEMBER + " }"
            + " OR EXISTS { (" + v + ")<-[:INVOLVES]-(:Pilot)<-[:RUNS]-(:Partnership {code: $partnership}) })";
    }
}
