package uk.gov.send.rep.hub.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * {@code cohorts}: a pilot's cohort list, one child a row: {@code pilot_code}, {@code child_ref},
 * {@code arm} ({@code INTERVENTION} or {@code COMPARISON}), {@code enrolled} and optionally
 * {@code left} (dates). The same rules as the {@code enrolInCohort} mutation: the pilot and the
 * child exist, the child lives in an area of the pilot of that arm, and enrolment is within the
 * pilot's dates; leaving is not before enrolment. Written as
 * {@code (:Child)-[:IN_COHORT {arm, enrolled, left}]->(:Pilot)}, one per child and pilot, its
 * properties SET (the latest file wins).
 */
@Component
class CohortKind implements ImportKind {

    static final String NAME = "cohorts";
    static final List<String> REQUIRED = List.of("pilot_code", "child_ref", "arm", "enrolled");
    static final List<String> OPTIONAL = List.of("left");
    static final List<String> ARMS = List.of("INTERVENTION", "COMPARISON");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "pilot cohort lists: " + String.join(", ", REQUIRED) + " [, left]; dates " + RecordCells.DATE_FORMAT;
    }

    @Override
    public KindFile open(String file, List<String> header, ImportOptions options) {
        RecordCells.checkHeader(file, NAME, header, REQUIRED, OPTIONAL, options);
        return new File();
    }

    @Override
    public String statement() {
        return ImportCypher.COHORTS;
    }

    /**
     * What {@code ImportCypher.PILOT_WITH_AREAS} resolves a pilot to: its dates and the arms of its
     * areas by ONS code (an area in both arms has both).
     */
    record PilotFacts(LocalDate start, LocalDate end, Map<String, List<String>> arms) {

        static PilotFacts parse(String key) {
            String[] parts = key.split("\\|", -1);
            Map<String, List<String>> arms = new LinkedHashMap<>();
            for (String area : parts[2].split(",")) {
                int equals = area.lastIndexOf('=');
                if (equals > 0) {
                    arms.computeIfAbsent(area.substring(0, equals), a -> new ArrayList<>()).add(area.substring(equals + 1));
                }
            }
            return new PilotFacts(parts[0].isEmpty() ? null : LocalDate.parse(parts[0]),
                parts[1].isEmpty() ? null : LocalDate.parse(parts[1]), arms);
        }
    }

    private static final class File implements KindFile {

        /** Pilots already parsed, by their lookup key: a file names few pilots for many children. */
        private final Map<String, PilotFacts> pilots = new HashMap<>();

        @Override
        public List<Candidate> parse(CsvRow row, RowProblems reported) {
            RecordCells.Noted problems = new RecordCells.Noted(reported);
            String pilot = RecordCells.required(row, "pilot_code", problems);
            String child = RecordCells.required(row, "child_ref", problems);
            String arm = RecordCells.oneOf(row, "arm", ARMS, true, problems);
            LocalDate enrolled = RecordCells.date(row, "enrolled", true, problems);
            LocalDate left = RecordCells.date(row, "left", false, problems);
            if (enrolled != null && left != null && left.isBefore(enrolled)) {
                problems.bad("left", "Leaving (" + left + ") cannot be before enrolment (" + enrolled + ")");
            }
            if (problems.any()) {
                return List.of();
            }
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("pilot", pilot);
            parameters.put("child", child);
            parameters.put("arm", arm);
            parameters.put("enrolled", enrolled);
            parameters.put("left", left);
            parameters.put("key", "enrolment " + pilot + "|" + child);
            return List.of(new Candidate(parameters, List.of(new Reference("pilot_code", ImportCypher.PILOT_WITH_AREAS, pilot),
                new Reference("child_ref", ImportCypher.CHILD, child))));
        }

        @Override
        public Map<String, Object> complete(Candidate candidate, Resolved resolved, RowProblems reported) {
            RecordCells.Noted problems = new RecordCells.Noted(reported);
            Map<String, Object> parameters = new HashMap<>(candidate.parameters());
            String pilot = (String) parameters.get("pilot");
            String arm = (String) parameters.get("arm");
            LocalDate enrolled = (LocalDate) parameters.get("enrolled");
            PilotFacts facts = pilots.computeIfAbsent(resolved.key(candidate.references().get(0)), PilotFacts::parse);
            String area = resolved.key(candidate.references().get(1));
            // The enrolInCohort mutation's rules, in its words.
            List<String> areaArms = facts.arms().getOrDefault(area, List.of());
            if (area.isEmpty()) {
                problems.bad("arm", "The child lives in no local area, so in no area of pilot '" + pilot + "'");
            }
            else if (areaArms.isEmpty()) {
                problems.bad("arm", "The child lives in " + area + ", which is not an area of pilot '" + pilot + "'");
            }
            else if (!areaArms.contains(arm)) {
                problems.bad("arm", "The child lives in " + area + ", a " + areaArms.getFirst() + " area of the pilot, not "
                    + arm);
            }
            if (facts.start() != null && facts.end() != null && (enrolled.isBefore(facts.start())
                    || enrolled.isAfter(facts.end()))) {
                problems.bad("enrolled", "Enrolment (" + enrolled + ") must be within the pilot's dates, " + facts.start()
                    + " to " + facts.end());
            }
            if (problems.any()) {
                return null;
            }
            parameters.put("scopeAreas", RecordCells.scopeAreas(area));
            return parameters;
        }
    }
}
