package uk.gov.send.rep.hub.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/**
 * The local areas a scoped role may read rows of, from the graph: a partnership's member areas,
 * or the area a local area role names (by ONS or DfE code). Kept for {@value #TTL_SECONDS}
 * seconds, so that a request costs no extra round trip while memberships stay current within a
 * minute. The Cypher of the security feature lives here, always with parameters.
 */
@Repository
class ScopeAreas {

    static final long TTL_SECONDS = 60;

    /** One row (the partnership and its member areas' ONS codes) if the partnership exists, else none. */
    static final String PARTNERSHIP_AREAS = """
        MATCH (p:Partnership {code: $code})
        OPTIONAL MATCH (a:LocalArea)-[:MEMBER_OF]->(p)
        RETURN p.code AS partnership, collect(a.code) AS codes""";

    static final String AREA_BY_ONS_CODE = "MATCH (a:LocalArea {code: $code}) RETURN a.code AS code";

    static final String AREA_BY_DFE_CODE = "MATCH (a:LocalArea {dfeCode: $code}) RETURN a.code AS code";

    private final Neo4jClient neo4j;
    private final Cache<String, Optional<List<String>>> partnerships = cache();
    private final Cache<String, Optional<String>> areas = cache();

    ScopeAreas(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    private static <V> Cache<String, V> cache() {
        return Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(TTL_SECONDS)).maximumSize(1_000).build();
    }

    /** The ONS codes of the partnership's member areas, in code order; empty if there is no such partnership. */
    Optional<List<String>> memberAreas(String partnership) {
        return partnerships.get(partnership, code -> neo4j.query(PARTNERSHIP_AREAS)
            .bindAll(Map.of("code", code))
            .fetchAs(List.class)
            .mappedBy((types, record) -> record.get("codes").asList(value -> value.asString()))
            .one()
            .map(codes -> ((List<?>) codes).stream().map(String.class::cast).sorted().toList()));
    }

    /** The ONS code of the area with ONS or DfE code {@code code}; empty if there is none. */
    Optional<String> area(String code) {
        return areas.get(code, key -> neo4j.query(Codes.isDfe(key) ? AREA_BY_DFE_CODE : AREA_BY_ONS_CODE)
            .bindAll(Map.of("code", key))
            .fetchAs(String.class)
            .mappedBy((types, record) -> record.get("code").asString())
            .one());
    }
}
