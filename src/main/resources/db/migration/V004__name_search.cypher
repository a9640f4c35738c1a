// Full-text search over names (the search feature, Query.search): one Lucene index over the name
// of every type people look up by name, so that a search ranks all of them on one scale.
// english analyzer: case-insensitive, English stop words (the, of, and, ...) dropped and words
// stemmed, so academy/academies and Mary's/Marys match. Not eventually consistent: a committed
// name is searchable as soon as its transaction returns (tests and ingest rely on it).
CREATE FULLTEXT INDEX name_search IF NOT EXISTS
FOR (n:Setting|LocalArea|Partnership|Pilot|Reform) ON EACH [n.name]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'english', `fulltext.eventually_consistent`: false}};
