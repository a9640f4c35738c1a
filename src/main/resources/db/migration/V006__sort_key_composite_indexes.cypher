// Sorted pages that seek: an order on one field every node has, ties broken by the natural key in
// the same direction, is the order of a composite index on (field, key). A first page reads it
// from either end; a page past a cursor is two seeks (ConnectionQueries.seekingPage): the rows
// with the cursor's value and a key beyond the cursor's (equality and range on this index), and
// the rows with a value beyond the cursor's. Without the key in the index, the first seek would
// read and sort every row with the cursor's value: about 150,000 children share a birth year.
// The single-field indexes are replaced: a composite index serves filters on its first field too.
CREATE INDEX child_birth_year_ref IF NOT EXISTS FOR (n:Child) ON (n.birthYear, n.ref);
CREATE INDEX plan_requested_ref IF NOT EXISTS FOR (n:Plan) ON (n.requested, n.ref);
DROP INDEX child_birth_year IF EXISTS;
DROP INDEX plan_requested IF EXISTS;
