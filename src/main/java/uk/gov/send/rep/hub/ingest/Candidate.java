package uk.gov.send.rep.hub.ingest;

import java.util.List;
import java.util.Map;

/**
 * One row to write, as parsed from a file row (an EES row gives one per mapped indicator), before
 * its references are resolved: its statement parameters so far and the references to check.
 */
public record Candidate(Map<String, Object> parameters, List<Reference> references) {
}
