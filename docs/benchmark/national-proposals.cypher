// f1 first page, hub's statement plus "key IS NOT NULL" (no-op: every child has a ref)
CYPHER 5 MATCH (n:`Child`) WHERE n.ref IS NOT NULL RETURN n{.*} AS node ORDER BY n.ref ASC LIMIT 51
;
// f3 first page, hub's statement plus "requested IS NOT NULL" (no-op: requested is required)
CYPHER 5 MATCH (n:`Plan`) WHERE n.requested IS NOT NULL RETURN n{.*} AS node ORDER BY n.requested ASC, n.ref ASC LIMIT 51
;
// f3 deep page, keyset condition as k >= v AND (k > v OR key > after), no IS NULL branch for a required field
CYPHER 5 MATCH (n:`Plan`) WHERE n.requested >= date('2017-01-02') AND (n.requested > date('2017-01-02') OR n.ref > 'P4335290c4e') RETURN n{.*} AS node ORDER BY n.requested ASC, n.ref ASC LIMIT 51
;
// (a) with the to-one relationship filters (area, partnership) hoisted into the MATCH pattern
CYPHER 5 MATCH (n:`Child`)-[r4:`RESIDENT_IN`]->(m4:`LocalArea`)-[r5:`MEMBER_OF`]->(m5:`Partnership`) WHERE m5.code = 'CPP-YH' AND ((EXISTS { (n)-[r1:`PLACED_AT`]->(m1:`Setting`) WHERE (m1.kind IN ['ALTERNATIVE_PROVISION', 'UNREGISTERED_AP'] AND r1.to IS NULL) } OR EXISTS { (n)-[r2:`PLACED_AT`]->(m2:`Setting`) WHERE (m2.kind IN ['ALTERNATIVE_PROVISION', 'UNREGISTERED_AP'] AND r2.to >= date('2024-08-31')) }) AND n.senProvision = 'K' AND n.primaryNeed IN ['ASD', 'SLCN'] AND EXISTS { (n)-[r3:`HAS_PLAN`]->(m3:`Plan`) WHERE (m3.requested < date('2025-04-13') AND m3.issued IS NULL) }) RETURN n{.*} AS node ORDER BY n.ref ASC LIMIT 51
;
// (b) with the relationship filter hoisted into the MATCH pattern (to-many: DISTINCT)
CYPHER 5 MATCH (n:`Setting`)<-[r1:`INVOLVES`]-(m1:`Pilot`)-[r2:`TESTS`]->(m2:`Reform`) WHERE m2.code = 'AP_THREE_TIER' WITH DISTINCT n RETURN n{.*} AS node ORDER BY n.ref ASC LIMIT 101
;
// (g) the count alone, status index first (what the planner does not choose on either side)
CYPHER 5 MATCH (n:`Plan`) USING INDEX n:Plan(status) WHERE (n.requested < date('2025-04-13') AND n.status IN ['REQUESTED', 'ASSESSING']) RETURN count(n) AS total
