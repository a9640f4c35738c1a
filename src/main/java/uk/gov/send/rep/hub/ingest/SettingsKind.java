package uk.gov.send.rep.hub.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * {@code settings}: an establishment list in the form of a GIAS extract ("edubasealldata"), one
 * registered setting a row, columns named as GIAS names them: {@code URN}, {@code LA (code)},
 * {@code EstablishmentName}, {@code TypeOfEstablishment (code)}, {@code PhaseOfEducation (name)},
 * optionally {@code UKPRN}, {@code EstablishmentNumber}, {@code EstablishmentStatus (name)} and
 * the hub's own {@code ap_tier} and {@code resourced_provision} (which GIAS does not carry); any
 * other GIAS column is ignored.
 * <ul>
 * <li>Written as {@code (:Setting {ref: URN})-[:IN_AREA]->(:LocalArea)}, MERGEd on the ref, every
 *     property SET (the latest file wins); a setting now in another area loses its old
 *     {@code IN_AREA}, so it always has exactly one.
 * <li>The kind comes from the GIAS type code through {@code seed/setting-types.csv} (the seed's
 *     table); {@code laestab} is the LA code and the establishment number.
 * <li>Rows with {@code EstablishmentStatus (name)} {@code Closed} are skipped (counted).
 * <li>Each row's parameters carry {@code scopeAreas}: the ONS codes of the setting's area and of
 *     the area it is in now when that is another (for the HTTP upload's scope check).
 * </ul>
 */
@Component
class SettingsKind implements ImportKind {

    static final String NAME = "settings";
    static final String URN = "URN";
    static final String UKPRN = "UKPRN";
    static final String LA = "LA (code)";
    static final String NUMBER = "EstablishmentNumber";
    static final String NAME_COLUMN = "EstablishmentName";
    static final String TYPE = "TypeOfEstablishment (code)";
    static final String PHASE = "PhaseOfEducation (name)";
    static final String STATUS = "EstablishmentStatus (name)";
    static final String AP_TIER = "ap_tier";
    static final String RESOURCED = "resourced_provision";

    static final List<String> REQUIRED = List.of(URN, LA, NAME_COLUMN, TYPE, PHASE);
    static final List<String> OPTIONAL = List.of(UKPRN, NUMBER, STATUS, AP_TIER, RESOURCED);

    /** GIAS phase names (and the model's own names) to the model's {@code phase}. */
    static final Map<String, String> PHASES = phases();

    private static Map<String, String> phases() {
        Map<String, String> phases = new LinkedHashMap<>();
        phases.put("nursery", "NURSERY");
        phases.put("primary", "PRIMARY");
        phases.put("middle deemed primary", "PRIMARY");
        phases.put("secondary", "SECONDARY");
        phases.put("middle deemed secondary", "SECONDARY");
        phases.put("all-through", "ALL_THROUGH");
        phases.put("16 plus", "POST_16");
        phases.put("not applicable", "NOT_APPLICABLE");
        for (String phase : List.of("NURSERY", "PRIMARY", "SECONDARY", "ALL_THROUGH", "POST_16", "NOT_APPLICABLE")) {
            phases.put(phase.toLowerCase(Locale.ROOT), phase);
        }
        return Map.copyOf(phases);
    }

    /** The phases as the report names them. */
    static final String PHASE_NAMES = "Nursery, Primary, Middle deemed primary, Secondary, Middle deemed secondary, "
        + "All-through, 16 plus, Not applicable (or the hub's NURSERY, PRIMARY, SECONDARY, ALL_THROUGH, POST_16, NOT_APPLICABLE)";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "settings as in a GIAS extract: " + String.join(", ", REQUIRED) + " [, " + String.join(", ", OPTIONAL) + "]";
    }

    @Override
    public KindFile open(String file, List<String> header, ImportOptions options) {
        RecordCells.checkHeader(file, NAME, header, REQUIRED, OPTIONAL, options);
        return new File();
    }

    @Override
    public String statement() {
        return ImportCypher.SETTINGS;
    }

    private static final class File implements KindFile {

        @Override
        public List<Candidate> parse(CsvRow row, RowProblems problems) {
            String status = row.get(STATUS);
            if (status.equalsIgnoreCase("Closed")) {
                problems.skip(STATUS + " 'Closed' (closed establishments are not imported)");
                return List.of();
            }
            boolean bad = false;
            String urn = row.get(URN);
            if (!urn.matches("\\d{6}")) {
                problems.bad(URN, urn.isEmpty() ? "empty" : "'" + urn + "' is not a URN (6 digits)");
                bad = true;
            }
            String ukprn = row.get(UKPRN);
            if (!ukprn.isEmpty() && !ukprn.matches("\\d{8}")) {
                problems.bad(UKPRN, "'" + ukprn + "' is not a UKPRN (8 digits, or empty)");
                bad = true;
            }
            String la = row.get(LA);
            if (!la.matches("\\d{3}")) {
                problems.bad(LA, la.isEmpty() ? "empty" : "'" + la + "' is not a DfE LA code (3 digits)");
                bad = true;
            }
            String number = row.get(NUMBER);
            if (!number.isEmpty() && !number.matches("\\d{4}")) {
                problems.bad(NUMBER, "'" + number + "' is not an establishment number (4 digits, or empty)");
                bad = true;
            }
            String name = row.get(NAME_COLUMN);
            if (name.isEmpty()) {
                problems.bad(NAME_COLUMN, "empty");
                bad = true;
            }
            String type = row.get(TYPE);
            String typeCode = type.matches("\\d") ? "0" + type : type;
            String kind = ModelCodes.SETTING_KIND_BY_GIAS_TYPE.get(typeCode);
            if (kind == null) {
                problems.bad(TYPE, (type.isEmpty() ? "empty" : "'" + type + "' is not")
                    + " a GIAS establishment type the hub knows: " + String.join(", ", ModelCodes.SETTING_KIND_BY_GIAS_TYPE.keySet()));
                bad = true;
            }
            String phaseCell = row.get(PHASE);
            String phase = PHASES.get(phaseCell.toLowerCase(Locale.ROOT));
            if (phase == null) {
                problems.bad(PHASE, (phaseCell.isEmpty() ? "empty" : "'" + phaseCell + "' is not") + " a phase: one of " + PHASE_NAMES);
                bad = true;
            }
            Long apTier = null;
            String tier = row.get(AP_TIER);
            if (!tier.isEmpty()) {
                if (!tier.matches("[123]")) {
                    problems.bad(AP_TIER, "'" + tier + "' is not an AP tier: 1, 2, 3 or empty");
                    bad = true;
                }
                else if (kind != null && !kind.equals("ALTERNATIVE_PROVISION")) {
                    problems.bad(AP_TIER, "'" + tier + "' for a setting of type " + typeCode + " (" + kind
                        + "): a tier is for alternative provision only (types "
                        + String.join(", ", typesOf("ALTERNATIVE_PROVISION")) + ")");
                    bad = true;
                }
                else {
                    apTier = Long.valueOf(tier);
                }
            }
            Boolean resourced = flag(row.get(RESOURCED));
            if (resourced == null) {
                problems.bad(RESOURCED, "'" + row.get(RESOURCED) + "' is not true, false, yes, no, 1, 0 or empty");
                bad = true;
            }
            else if (resourced && kind != null && !kind.equals("MAINSTREAM")) {
                problems.bad(RESOURCED, "true for a setting of type " + typeCode + " (" + kind
                    + "): a resourced provision or SEN unit is in a mainstream school only");
                bad = true;
            }
            if (bad) {
                return List.of();
            }
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("key", urn);
            parameters.put("urn", urn);
            parameters.put("ukprn", ukprn.isEmpty() ? null : ukprn);
            parameters.put("laestab", number.isEmpty() ? null : la + number);
            parameters.put("name", name);
            parameters.put("kind", kind);
            parameters.put("giasTypeCode", typeCode);
            parameters.put("phase", phase);
            parameters.put("apTier", apTier);
            parameters.put("resourcedProvision", resourced);
            return List.of(new Candidate(parameters, List.of(new Reference(LA, ImportCypher.AREA_BY_DFE_CODE, la),
                new Reference(URN, ImportCypher.SETTING_CURRENT_AREA, urn))));
        }

        @Override
        public Map<String, Object> complete(Candidate candidate, Resolved resolved, RowProblems problems) {
            String area = resolved.key(candidate.references().get(0));
            String current = resolved.key(candidate.references().get(1));
            Map<String, Object> parameters = new HashMap<>(candidate.parameters());
            parameters.put("area", area);
            parameters.put("scopeAreas", scopeAreas(area, current));
            return parameters;
        }
    }

    /** The areas a row touches: its area, and the one the subject is in now when that is another ('' when new). */
    static List<String> scopeAreas(String area, String current) {
        List<String> areas = new ArrayList<>(List.of(area));
        if (!current.isEmpty() && !current.equals(area)) {
            areas.add(current);
        }
        return List.copyOf(areas);
    }

    /** A yes/no cell: empty is false; null when it is neither. */
    static Boolean flag(String cell) {
        return switch (cell.toLowerCase(Locale.ROOT)) {
            case "", "false", "no", "n", "0" -> false;
            case "true", "yes", "y", "1" -> true;
            default -> null;
        };
    }

    private static List<String> typesOf(String kind) {
        return ModelCodes.SETTING_KIND_BY_GIAS_TYPE.entrySet().stream().filter(e -> e.getValue().equals(kind))
            .map(Map.Entry::getKey).toList();
    }
}
