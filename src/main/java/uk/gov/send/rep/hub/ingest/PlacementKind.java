package uk.gov.send.rep.hub.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * {@code placements}: SEN2 placements, one a row: {@code child_ref}, the setting by {@code urn}
 * or {@code setting_ref} (the file has either column or both; with both filled, they must name
 * the same setting), {@code start_date} and optionally {@code end_date} (empty while current).
 * The child and the setting must exist and the end not be before the start. Written as
 * {@code (:Child)-[:PLACED_AT {from, to}]->(:Setting)}, one per child, setting and start, its end
 * SET (the latest file wins). Unlike the {@code recordPlacement} mutation, a current placement
 * does not end the child's other placements: a file gives each placement's end.
 */
@Component
class PlacementKind implements ImportKind {

    static final String NAME = "placements";
    static final List<String> REQUIRED = List.of("child_ref", "start_date");
    static final List<String> OPTIONAL = List.of("end_date");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "placements (SEN2): child_ref, urn and/or setting_ref, start_date [, end_date]; dates "
            + RecordCells.DATE_FORMAT;
    }

    @Override
    public KindFile open(String file, List<String> header, ImportOptions options) {
        RecordCells.checkHeader(file, NAME, header, REQUIRED, OPTIONAL, options);
        if (!header.contains("urn") && !header.contains("setting_ref")) {
            throw new ImportException(file + ": line 1: no column urn or setting_ref (a " + NAME
                + " file names each placement's setting by its URN or its hub ref)");
        }
        return new File();
    }

    @Override
    public String statement() {
        return ImportCypher.PLACEMENTS;
    }

    private static final class File implements KindFile {

        @Override
        public List<Candidate> parse(CsvRow row, RowProblems reported) {
            RecordCells.Noted problems = new RecordCells.Noted(reported);
            String child = RecordCells.required(row, "child_ref", problems);
            List<Reference> references = new ArrayList<>();
            if (child != null) {
                references.add(new Reference("child_ref", ImportCypher.CHILD, child));
            }
            if (!row.get("urn").isEmpty()) {
                references.add(new Reference("urn", ImportCypher.SETTING_BY_URN, row.get("urn")));
            }
            if (!row.get("setting_ref").isEmpty()) {
                references.add(new Reference("setting_ref", ImportCypher.SETTING_BY_REF, row.get("setting_ref")));
            }
            if (references.size() < (child == null ? 1 : 2)) {
                problems.bad(row.has("urn") ? "urn" : "setting_ref", "empty: a placement needs its setting's "
                    + (row.has("urn") && row.has("setting_ref") ? "URN or ref" : row.has("urn") ? "URN" : "ref"));
            }
            LocalDate from = RecordCells.date(row, "start_date", true, problems);
            LocalDate to = RecordCells.date(row, "end_date", false, problems);
            if (from != null && to != null && to.isBefore(from)) {
                problems.bad("end_date", "The end (" + to + ") cannot be before the start (" + from + ")");
            }
            if (problems.any()) {
                return List.of();
            }
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("child", child);
            parameters.put("from", from);
            parameters.put("to", to);
            return List.of(new Candidate(parameters, references));
        }

        @Override
        public Map<String, Object> complete(Candidate candidate, Resolved resolved, RowProblems problems) {
            List<Reference> references = candidate.references();
            String childArea = resolved.key(references.get(0));
            String setting = resolved.key(references.get(1));
            if (references.size() == 3 && !setting.equals(resolved.key(references.get(2)))) {
                problems.bad("setting_ref", "'" + references.get(2).value() + "', but urn " + references.get(1).value()
                    + " is setting " + setting);
                return null;
            }
            Map<String, Object> parameters = new HashMap<>(candidate.parameters());
            parameters.put("setting", setting);
            parameters.put("key", "placement " + String.join("|", (String) parameters.get("child"), setting,
                parameters.get("from").toString()));
            parameters.put("scopeAreas", RecordCells.scopeAreas(childArea));
            return parameters;
        }
    }
}
