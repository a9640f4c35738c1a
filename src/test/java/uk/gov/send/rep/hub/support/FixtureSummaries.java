package uk.gov.send.rep.hub.support;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import uk.gov.send.rep.hub.outcome.ObservationSummaries;

/**
 * Summarises a fixture's children's observations per area once, as every writer of them does
 * (ADR 0013): call it from a {@code @BeforeEach}, after the {@code @BeforeAll} fixture exists.
 */
public final class FixtureSummaries {

    private static final Set<String> DONE = ConcurrentHashMap.newKeySet();

    private FixtureSummaries() {
    }

    /** Refreshes the summaries of these measures the first time they are asked for in this JVM. */
    public static void ensure(ObservationSummaries summaries, String... measures) {
        List<String> fresh = java.util.Arrays.stream(measures).filter(DONE::add).toList();
        if (!fresh.isEmpty()) {
            summaries.refresh(fresh);
        }
    }
}
