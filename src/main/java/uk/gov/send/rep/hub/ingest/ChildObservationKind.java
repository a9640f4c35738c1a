package uk.gov.send.rep.hub.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import uk.gov.send.rep.hub.ingest.ObservationValues.Value;
import uk.gov.send.rep.hub.outcome.ObservationSummaries;
import uk.gov.send.rep.hub.period.Period;

/**
 * {@code child-observations}: children's observations, one a row, with columns {@code child_ref},
 * {@code measure}, {@code time_period}, {@code time_identifier}, {@code value} and optionally
 * {@code numerator}, {@code denominator}, {@code status}. The child and the measure must exist.
 * Written as {@code (:Child {ref})-[:OBSERVED]->(:Observation {key: '<measure>|Child|<ref>|<tp>|<ti>'})};
 * afterwards the summaries of the measures written are refreshed in the areas the children live in.
 */
@Component
class ChildObservationKind extends ObservationKind {

    static final String NAME = "child-observations";
    static final List<String> REQUIRED = List.of("child_ref", "measure", "time_period", "time_identifier", "value");
    static final List<String> OPTIONAL = List.of("numerator", "denominator", "status");

    private final ObservationSummaries summaries;

    ChildObservationKind(ObservationSummaries summaries) {
        super(NAME, "children's observations: " + String.join(", ", REQUIRED) + " [, " + String.join(", ", OPTIONAL) + "]",
            "Child", "ref");
        this.summaries = summaries;
    }

    @Override
    public KindFile open(String file, List<String> header, ImportOptions options) {
        List<String> missing = REQUIRED.stream().filter(column -> !header.contains(column)).toList();
        if (!missing.isEmpty()) {
            throw new ImportException(file + ": line 1: no column " + String.join(", ", missing) + " (a " + NAME
                + " file has " + String.join(", ", REQUIRED) + " and may have " + String.join(", ", OPTIONAL) + ")");
        }
        if (!options.mappings().isEmpty()) {
            throw new ImportException("--map and --mapping are for EES files, not " + NAME + " (the measure is a column)");
        }
        return new File();
    }

    private final class File implements KindFile {

        /** Areas (ONS codes) of the children written, by measure: the summaries to refresh. */
        private final Map<String, Set<String>> areas = new HashMap<>();

        @Override
        public List<Candidate> parse(CsvRow row, RowProblems problems) {
            String child = row.get("child_ref");
            String measure = row.get("measure");
            if (child.isEmpty()) {
                problems.bad("child_ref", "empty");
            }
            if (measure.isEmpty()) {
                problems.bad("measure", "empty");
            }
            Period period = ObservationValues.period(row, problems);
            Value value = ObservationValues.value(row.get("value"), "value", problems);
            Double numerator = ObservationValues.number(row.get("numerator"), "numerator", problems);
            Double denominator = ObservationValues.number(row.get("denominator"), "denominator", problems);
            String status = status(row, value, problems);
            if (numerator != null && denominator == null) {
                problems.bad("denominator", "empty, but a numerator is given");
            }
            if (value != null && value.value() == null && status == null && numerator == null) {
                problems.bad("value", "empty, with no status and no numerator");
            }
            if (child.isEmpty() || measure.isEmpty() || period == null || value == null) {
                return List.of();
            }
            return List.of(new Candidate(ObservationValues.observation(measure, period, value.value(), numerator,
                denominator, status), List.of(new Reference("child_ref", ImportCypher.CHILD, child),
                    new Reference("measure", ImportCypher.MEASURE, measure))));
        }

        /** The status column, or the value's symbol; they must agree, and a value with c, x, z or low is wrong. */
        private static String status(CsvRow row, Value value, RowProblems problems) {
            String cell = row.get("status").toLowerCase(java.util.Locale.ROOT);
            String symbol = value == null ? null : value.status();
            if (cell.isEmpty()) {
                return symbol;
            }
            if (!ObservationValues.SYMBOLS.contains(cell)) {
                problems.bad("status", "'" + row.get("status") + "' is not an EES symbol (c, x, z, low, u)");
                return null;
            }
            if (symbol != null && !symbol.equals(cell)) {
                problems.bad("status", "'" + cell + "' but the value is '" + symbol + "'");
            }
            if (value != null && value.value() != null && !cell.equals("u")) {
                problems.bad("value", "a number with status '" + cell + "', which stands for a value not shown");
            }
            return cell;
        }

        @Override
        public Map<String, Object> complete(Candidate candidate, Resolved resolved, RowProblems problems) {
            Reference child = candidate.references().getFirst();
            String area = resolved.key(child);
            if (!area.isEmpty()) {
                areas.computeIfAbsent((String) candidate.parameters().get("measure"), m -> new HashSet<>()).add(area);
            }
            Map<String, Object> parameters = ObservationValues.keyed(candidate.parameters(), "Child", child.value());
            // The area the child lives in ("" for none: outside every local area's scope).
            parameters.put(ImportOptions.SCOPE_AREAS, List.of(area));
            return parameters;
        }

        @Override
        public void afterLoad() {
            areas.forEach((measure, codes) -> summaries.refresh(measure, new ArrayList<>(codes)));
        }
    }
}
