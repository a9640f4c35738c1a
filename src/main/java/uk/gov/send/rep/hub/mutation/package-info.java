/**
 * Changing data (ADR 0017): what every mutation shares. A payload's field errors
 * ({@link FieldError}, collected with {@link FieldErrors}), who may write at all
 * ({@link Writers}), and {@link Writes}, which runs one mutation's checks and write in one write
 * transaction together with its idempotency record. Each feature keeps its own mutations, their
 * validation and their write Cypher.
 */
package uk.gov.send.rep.hub.mutation;
