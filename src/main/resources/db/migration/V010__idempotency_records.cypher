// Mutations' idempotency records (mutation.Writes, ADR 0017): one per mutation call that carried an
// idempotency key and wrote, its key subject|mutation|idempotencyKey. Unique, so two concurrent
// calls with the same key cannot both write: the second's transaction fails and it replays the first.
CREATE CONSTRAINT idempotency_record_key IF NOT EXISTS FOR (n:IdempotencyRecord) REQUIRE n.key IS UNIQUE;
