package uk.gov.send.rep.hub.query;

import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each distinct valid document is parsed and validated once; invalid ones every time. */
class ParsedDocumentsTests {

    private static final String VALID = "{ regions(first: 1) { totalCount } }";

    private static final PreparsedDocumentEntry PASSED = new PreparsedDocumentEntry(Document.newDocument().build());

    private static final PreparsedDocumentEntry FAILED =
        new PreparsedDocumentEntry(GraphqlErrorBuilder.newError().message("invalid").build());

    /** Asks {@code times} for {@code query}; returns how often it was parsed and validated. */
    private static int parses(ParsedDocuments.Provider provider, String query, PreparsedDocumentEntry outcome, int times) {
        AtomicInteger parsed = new AtomicInteger();
        ExecutionInput input = ExecutionInput.newExecutionInput(query).build();
        for (int i = 0; i < times; i++) {
            PreparsedDocumentEntry entry = provider.getDocumentAsync(input, in -> {
                parsed.incrementAndGet();
                return outcome;
            }).join();
            assertThat(entry.hasErrors()).isEqualTo(outcome.hasErrors());
        }
        return parsed.get();
    }

    @Test
    void shouldParseAndValidateAValidDocumentOnce() {
        ParsedDocuments.Provider provider = new ParsedDocuments.Provider(10);
        assertThat(parses(provider, VALID, PASSED, 3)).isEqualTo(1);
        assertThat(provider.hits()).isEqualTo(2);
    }

    @Test
    void shouldNeverKeepADocumentThatFailedValidation() {
        assertThat(parses(new ParsedDocuments.Provider(10), "{ nope }", FAILED, 2)).isEqualTo(2);
    }

    @Test
    void shouldNotKeepAnythingWhenTheCacheIsOff() {
        assertThat(parses(new ParsedDocuments.Provider(0), VALID, PASSED, 2)).isEqualTo(2);
    }
}
