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

    @Test
    void shouldParseAndValidateAValidDocumentOnce() {
        ParsedDocuments.Provider provider = new ParsedDocuments.Provider(10);
        AtomicInteger parsed = new AtomicInteger();
        ExecutionInput input = ExecutionInput.newExecutionInput("{ regions(first: 1) { totalCount } }").build();
        for (int i = 0; i < 3; i++) {
            PreparsedDocumentEntry entry = provider.getDocumentAsync(input, in -> {
                parsed.incrementAndGet();
                return new PreparsedDocumentEntry(Document.newDocument().build());
            }).join();
            assertThat(entry.hasErrors()).isFalse();
        }
        assertThat(parsed).hasValue(1);
        assertThat(provider.hits()).isEqualTo(2);
    }

    @Test
    void shouldNeverKeepADocumentThatFailedValidation() {
        ParsedDocuments.Provider provider = new ParsedDocuments.Provider(10);
        AtomicInteger parsed = new AtomicInteger();
        ExecutionInput input = ExecutionInput.newExecutionInput("{ nope }").build();
        for (int i = 0; i < 2; i++) {
            provider.getDocumentAsync(input, in -> {
                parsed.incrementAndGet();
                return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError().message("invalid").build());
            }).join();
        }
        assertThat(parsed).hasValue(2);
    }

    @Test
    void shouldNotKeepAnythingWhenTheCacheIsOff() {
        ParsedDocuments.Provider provider = new ParsedDocuments.Provider(0);
        AtomicInteger parsed = new AtomicInteger();
        ExecutionInput input = ExecutionInput.newExecutionInput("{ regions(first: 1) { totalCount } }").build();
        for (int i = 0; i < 2; i++) {
            provider.getDocumentAsync(input, in -> {
                parsed.incrementAndGet();
                return new PreparsedDocumentEntry(Document.newDocument().build());
            }).join();
        }
        assertThat(parsed).hasValue(2);
    }
}
