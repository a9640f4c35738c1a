// Indexes the read API and the evaluation queries filter and sort on.
CREATE INDEX setting_kind IF NOT EXISTS FOR (n:Setting) ON (n.kind);
CREATE INDEX setting_name IF NOT EXISTS FOR (n:Setting) ON (n.name);
CREATE INDEX child_sen_provision IF NOT EXISTS FOR (n:Child) ON (n.senProvision);
CREATE INDEX child_primary_need IF NOT EXISTS FOR (n:Child) ON (n.primaryNeed);
CREATE INDEX plan_status IF NOT EXISTS FOR (n:Plan) ON (n.status);
CREATE INDEX plan_requested IF NOT EXISTS FOR (n:Plan) ON (n.requested);
CREATE INDEX observation_measure_period IF NOT EXISTS FOR (n:Observation) ON (n.measure, n.timePeriod);
CREATE INDEX placed_at_from IF NOT EXISTS FOR ()-[r:PLACED_AT]-() ON (r.from);
CREATE INDEX in_cohort_arm IF NOT EXISTS FOR ()-[r:IN_COHORT]-() ON (r.arm);
