// Per-area summaries of children's observations (outcome.ObservationSummaries, ADR 0013): one node
// per child-level measure, local area and period, so that England's and a partnership's lines of a
// series read at most 153 nodes a period rather than millions of observations.
CREATE CONSTRAINT observation_summary_key IF NOT EXISTS FOR (n:ObservationSummary) REQUIRE n.key IS UNIQUE;
CREATE INDEX observation_summary_measure_area IF NOT EXISTS FOR (n:ObservationSummary) ON (n.measure, n.area);
