package uk.gov.send.rep.hub.query;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Parses and validates each distinct GraphQL document once: clients (GraphiQL tabs, front ends,
 * the dashboards) send the same few documents with different variables, and parsing plus
 * validation is most of what a small query costs the hub outside the database. The cache holds
 * only documents that passed validation, keyed by their exact text, at most
 * {@code hub.graphql.document-cache-size} of them (least recently used go first); documents over
 * {@value #MAX_CACHED_LENGTH} characters are never kept. Validation depends only on the schema and
 * the document, never on the caller, so a cached entry is valid for every request. The shape limits
 * (depth, aliases, directives, fields, tokens: {@code query.limits}) run as part of parsing and
 * validation, so a document over one is never cached; the checks that depend on the request (its
 * rate and length, its variables' cost, the caller's right to introspect) run on every request,
 * before and after this cache, in {@link HubInstrumentation}.
 */
@Configuration(proxyBeanMethods = false)
class ParsedDocuments {

    static final int MAX_CACHED_LENGTH = 20_000;

    @Bean
    GraphQlSourceBuilderCustomizer parsedDocumentCache(@Value("${hub.graphql.document-cache-size:1000}") int size) {
        if (size < 0) {
            throw new IllegalArgumentException("hub.graphql.document-cache-size must be 0 (off) or more, not " + size);
        }
        Provider provider = new Provider(size);
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(provider));
    }

    /** The cache itself; public for tests that count its hits. */
    static final class Provider implements PreparsedDocumentProvider {

        private final Cache<String, PreparsedDocumentEntry> documents;

        Provider(int size) {
            this.documents = size == 0 ? null
                : Caffeine.newBuilder().maximumSize(size).executor(Runnable::run).recordStats().build();
        }

        @Override
        public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
            if (documents == null) {
                return CompletableFuture.completedFuture(parseAndValidate.apply(input));
            }
            String text = input.getQuery();
            PreparsedDocumentEntry cached = documents.getIfPresent(text);
            if (cached != null) {
                return CompletableFuture.completedFuture(cached);
            }
            PreparsedDocumentEntry entry = parseAndValidate.apply(input);
            if (!entry.hasErrors() && text.length() <= MAX_CACHED_LENGTH) {
                documents.put(text, entry);
            }
            return CompletableFuture.completedFuture(entry);
        }

        long hits() {
            return documents == null ? 0 : documents.stats().hitCount();
        }
    }
}
