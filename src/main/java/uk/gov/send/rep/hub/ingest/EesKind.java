package uk.gov.send.rep.hub.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Record;
import org.springframework.stereotype.Component;

import uk.gov.send.rep.hub.ingest.ObservationValues.Value;
import uk.gov.send.rep.hub.period.Period;

/**
 * {@code ees}: a tidy data file of published statistics from DfE's explore education statistics
 * (EES), as local areas' observations. Columns {@code time_period}, {@code time_identifier},
 * {@code geographic_level}, {@code old_la_code} (DfE) and/or {@code new_la_code} (ONS), filter
 * columns and indicator columns; each indicator mapped to a measure ({@link MeasureMapping})
 * gives one observation a row.
 *
 * <ul>
 * <li>Only {@code Local authority} rows are imported; other levels are skipped, counted by level.
 * <li>A filter column is any column other than the time, geography and mapped indicator columns
 *     that holds {@code Total} in some row; only rows whose filters are all {@code Total} are
 *     imported, the others skipped ("a breakdown"). Other unmapped columns are ignored.
 * <li>Either LA code column names the area; with both, they must name the same area.
 * </ul>
 */
@Component
class EesKind extends ObservationKind {

    static final String NAME = "ees";
    static final String LOCAL_AUTHORITY = "Local authority";
    static final String TOTAL = "Total";

    /** Time and geography columns of EES files: never filters. */
    static final Set<String> GEOGRAPHY = Set.of("time_period", "time_identifier", "geographic_level", "country_code",
        "country_name", "region_code", "region_name", "old_la_code", "new_la_code", "la_name", "lad_code", "lad_name",
        "opportunity_area_code", "opportunity_area_name", "pcon_code", "pcon_name", "ward_code", "ward_name",
        "school_urn", "school_laestab", "school_name", "english_devolved_area_code", "english_devolved_area_name",
        "lsip_code", "lsip_name", "rsc_region_lead_name", "sponsor_id", "sponsor_name", "trust_id", "trust_name");

    private final ImportDatabase database;

    EesKind(ImportDatabase database) {
        super(NAME, "EES tidy data of local authorities (time_period, time_identifier, geographic_level, old_la_code "
            + "and/or new_la_code, filters, indicators mapped with --map COLUMN=MEASURE or --mapping FILE)", "LocalArea", "code");
        this.database = database;
    }

    @Override
    public KindFile open(String file, List<String> header, ImportOptions options) {
        List<String> missing = new ArrayList<>(List.of("time_period", "time_identifier", "geographic_level").stream()
            .filter(column -> !header.contains(column)).toList());
        if (!header.contains("old_la_code") && !header.contains("new_la_code")) {
            missing.add("old_la_code or new_la_code");
        }
        if (!missing.isEmpty()) {
            throw new ImportException(file + ": line 1: no column " + String.join(", ", missing) + " (not an EES tidy data file?)");
        }
        if (options.mappings().isEmpty()) {
            throw new ImportException(file + ": no indicator is mapped to a measure: give --map COLUMN=MEASURE or --mapping FILE; "
                + "columns: " + String.join(", ", header.stream().filter(c -> !GEOGRAPHY.contains(c)).toList()));
        }
        Map<String, MeasureMapping> indicators = new LinkedHashMap<>();
        for (MeasureMapping mapping : options.mappings()) {
            if (!header.contains(mapping.column())) {
                throw new ImportException(file + ": line 1: no column " + mapping.column() + " (mapped to " + mapping.measure() + ")");
            }
            if (indicators.put(mapping.column(), mapping) != null) {
                throw new ImportException("column " + mapping.column() + " is mapped twice");
            }
        }
        List<String> undeclared = options.mappings().stream().filter(m -> !m.declares()).map(MeasureMapping::measure)
            .distinct().toList();
        Set<String> known = new HashSet<>();
        for (Record record : database.read(ImportCypher.MEASURES_EXISTING, Map.of("codes", undeclared))) {
            known.add(record.get("code").asString());
        }
        List<String> unknown = undeclared.stream().filter(code -> !known.contains(code)).toList();
        if (!unknown.isEmpty()) {
            throw new ImportException("no measure " + String.join(", ", unknown) + " in the catalogue: declare it in a "
                + "--mapping file (column,measure,name,unit,polarity,valueKind,level,periodType)");
        }
        List<String> others = header.stream().filter(c -> !GEOGRAPHY.contains(c) && !indicators.containsKey(c)).toList();
        return new File(indicators, others);
    }

    private final class File implements KindFile {

        private final Map<String, MeasureMapping> indicators;
        private final List<String> others;
        private final Set<String> filters = new HashSet<>();

        File(Map<String, MeasureMapping> indicators, List<String> others) {
            this.indicators = indicators;
            this.others = others;
        }

        @Override
        public boolean surveys() {
            return !others.isEmpty();
        }

        @Override
        public void survey(CsvRow row) {
            for (String column : others) {
                if (TOTAL.equalsIgnoreCase(row.get(column))) {
                    filters.add(column);
                }
            }
        }

        @Override
        public List<Candidate> parse(CsvRow row, RowProblems problems) {
            String level = row.get("geographic_level");
            if (!LOCAL_AUTHORITY.equalsIgnoreCase(level)) {
                problems.skip("geographic_level '" + level + "' (only " + LOCAL_AUTHORITY + " rows are imported)");
                return List.of();
            }
            for (String filter : filters) {
                if (!TOTAL.equalsIgnoreCase(row.get(filter))) {
                    problems.skip("a breakdown (filter columns " + String.join(", ", filters.stream().sorted().toList())
                        + " not all Total)");
                    return List.of();
                }
            }
            List<Reference> references = new ArrayList<>();
            String ons = row.get("new_la_code");
            String dfe = row.get("old_la_code");
            if (!ons.isEmpty()) {
                references.add(new Reference("new_la_code", ImportCypher.AREA_BY_ONS_CODE, ons));
            }
            if (!dfe.isEmpty()) {
                references.add(new Reference("old_la_code", ImportCypher.AREA_BY_DFE_CODE, dfe));
            }
            if (references.isEmpty()) {
                problems.bad(row.has("new_la_code") ? "new_la_code" : "old_la_code", "empty: a local authority row needs its LA code");
            }
            Period period = ObservationValues.period(row, problems);
            List<Candidate> candidates = new ArrayList<>();
            boolean bad = references.isEmpty() || period == null;
            for (MeasureMapping indicator : indicators.values()) {
                Value value = ObservationValues.value(row.get(indicator.column()), indicator.column(), problems);
                if (value == Value.EMPTY) {
                    problems.bad(indicator.column(), "empty: EES marks a missing value with a symbol (c, x, z, low, u)");
                    value = null;
                }
                bad |= value == null;
                if (!bad) {
                    candidates.add(new Candidate(ObservationValues.observation(indicator.measure(), period, value.value(),
                        null, null, value.status()), references));
                }
            }
            return bad ? List.of() : candidates;
        }

        @Override
        public Map<String, Object> complete(Candidate candidate, Resolved resolved, RowProblems problems) {
            List<Reference> references = candidate.references();
            String area = resolved.key(references.getFirst());
            if (references.size() == 2 && !area.equals(resolved.key(references.get(1)))) {
                problems.bad("old_la_code", "'" + references.get(1).value() + "' is " + resolved.key(references.get(1))
                    + ", but new_la_code is " + area);
                return null;
            }
            Map<String, Object> parameters = ObservationValues.keyed(candidate.parameters(), "LocalArea", area);
            parameters.put(ImportOptions.SCOPE_AREAS, List.of(area));
            return parameters;
        }

        @Override
        public void beforeLoad() {
            List<Map<String, Object>> declared = indicators.values().stream().filter(MeasureMapping::declares)
                .map(m -> {
                    Map<String, Object> row = new java.util.HashMap<>();
                    row.put("code", m.measure());
                    row.put("name", m.name());
                    row.put("unit", upper(m.unit()));
                    row.put("polarity", upper(m.polarity()));
                    row.put("valueKind", upper(m.valueKind()));
                    row.put("level", m.level() == null || m.level().isBlank() ? "AREA" : upper(m.level()));
                    row.put("periodType", upper(m.periodType()));
                    row.put("source", "Imported from EES tidy data");
                    return row;
                }).toList();
            if (!declared.isEmpty()) {
                database.write(ImportCypher.DECLARE_MEASURES, Map.of("rows", declared));
            }
        }

        private static String upper(String value) {
            return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
        }
    }
}
