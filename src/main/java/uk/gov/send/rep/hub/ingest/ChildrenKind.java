package uk.gov.send.rep.hub.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.neo4j.driver.Record;
import org.springframework.stereotype.Component;

import uk.gov.send.rep.hub.outcome.ObservationSummaries;

/**
 * {@code children}: pupils of a school census (or any list of children at a date), one row per
 * child. Columns {@code child_ref} (the opaque ref, {@code C} and 10 hex digits), {@code census_date},
 * {@code la_code} (the DfE code of the area the child lives in), {@code birth_year}, {@code sex},
 * {@code year_group}, {@code sen_provision}, {@code primary_need}, optionally {@code secondary_need}
 * and {@code urn} (the setting the child is on roll at).
 * <ul>
 * <li>Written as {@code (:Child {ref})-[:RESIDENT_IN]->(:LocalArea)}, MERGEd on the ref; the
 *     properties and the area are those of the latest census ({@code Child.censusDate}): an older
 *     census leaves them, a newer one or the same one corrected sets them and re-points the one
 *     {@code RESIDENT_IN} when the child moved.
 * <li>With a {@code urn}: {@code (:Child)-[:PLACED_AT {from: census_date}]->(:Setting)}, unless a
 *     placement at that setting already covers the census date. A census says where a child is on
 *     roll, not when a placement ended, so no other placement is closed.
 * <li>Every cell is checked against the model's code lists ({@link ModelCodes}); a child ref that
 *     is not of the opaque form is rejected without its value in the report (it may be a name or
 *     a UPN, which the hub must never hold).
 * <li>Each row's parameters carry {@code scopeAreas}: the ONS codes of the child's new area and of
 *     the area it lives in now when that is another. After loading, the observation summaries of
 *     every child-level measure are refreshed in the areas children moved between.
 * </ul>
 */
@Component
class ChildrenKind implements ImportKind {

    static final String NAME = "children";
    static final List<String> REQUIRED = List.of("child_ref", "census_date", "la_code", "birth_year", "sex", "year_group",
        "sen_provision", "primary_need");
    static final List<String> OPTIONAL = List.of("secondary_need", "urn");

    /** The model's opaque child ref: {@code C} and 10 hex digits, lower case (as the hub makes them). */
    static final Pattern REF = Pattern.compile("C[0-9a-f]{10}");
    /** A unique pupil number: a letter, 11 digits and a check character. */
    static final Pattern UPN = Pattern.compile("[A-Za-z][0-9]{11}[0-9A-Za-z]");
    /** Something that reads as a name: letters, with spaces, apostrophes, dots or hyphens. */
    static final Pattern NAME_LIKE = Pattern.compile("[\\p{L}][\\p{L}' .,-]*");

    static final String REF_FORM = "the child's opaque ref, C and 10 hex digits in lower case (e.g. C0123456789a)";
    static final List<String> PROVISIONS = List.of("E", "K", "N");
    /** Down syndrome is recorded as a need from the January 2025 census. */
    static final LocalDate DS_FROM = LocalDate.of(2025, 1, 1);

    private final ImportDatabase database;
    private final ObservationSummaries summaries;

    ChildrenKind(ImportDatabase database, ObservationSummaries summaries) {
        this.database = database;
        this.summaries = summaries;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "children of a census, one row per child: " + String.join(", ", REQUIRED) + " [, " + String.join(", ", OPTIONAL) + "]";
    }

    @Override
    public KindFile open(String file, List<String> header, ImportOptions options) {
        RecordCells.checkHeader(file, NAME, header, REQUIRED, OPTIONAL, options);
        return new File();
    }

    @Override
    public String statement() {
        return ImportCypher.CHILDREN;
    }

    /** Why a child ref is refused (never quoting it: it may be a name or a UPN), or null when it is of the opaque form. */
    static String refProblem(String ref) {
        if (ref.isEmpty()) {
            return "empty: give " + REF_FORM;
        }
        if (REF.matcher(ref).matches()) {
            return null;
        }
        if (UPN.matcher(ref).matches()) {
            return "looks like a UPN (value not shown): the hub never holds UPNs; give " + REF_FORM;
        }
        if (NAME_LIKE.matcher(ref).matches() || ref.contains(" ")) {
            return "looks like a name (value not shown): the hub never holds names; give " + REF_FORM;
        }
        return "not an opaque child ref (value not shown): give " + REF_FORM;
    }

    private final class File implements KindFile {

        /** ONS codes of the areas children moved between: their summaries are refreshed after loading. */
        private final Set<String> moved = new HashSet<>();

        @Override
        public List<Candidate> parse(CsvRow row, RowProblems problems) {
            boolean bad = false;
            String ref = row.get("child_ref");
            String refProblem = refProblem(ref);
            if (refProblem != null) {
                problems.bad("child_ref", refProblem);
                bad = true;
            }
            LocalDate census = null;
            String censusCell = row.get("census_date");
            try {
                census = LocalDate.parse(censusCell);
            }
            catch (DateTimeParseException e) {
                problems.bad("census_date", (censusCell.isEmpty() ? "empty" : "'" + censusCell + "' is not a date") + " (YYYY-MM-DD)");
                bad = true;
            }
            String la = row.get("la_code");
            if (la.isEmpty()) {
                problems.bad("la_code", "empty: the DfE code of the area the child lives in");
                bad = true;
            }
            Long birthYear = null;
            String birth = row.get("birth_year");
            if (!birth.matches("\\d{4}")) {
                problems.bad("birth_year", (birth.isEmpty() ? "empty" : "'" + birth + "' is not a year") + " (4 digits)");
                bad = true;
            }
            else if (census != null && (Integer.parseInt(birth) > census.getYear() || Integer.parseInt(birth) < census.getYear() - 26)) {
                problems.bad("birth_year", "'" + birth + "' is out of range for a census on " + census + ": "
                    + (census.getYear() - 26) + " to " + census.getYear() + " (ages 0 to 25)");
                bad = true;
            }
            else {
                birthYear = Long.valueOf(birth);
            }
            String sex = row.get("sex").toUpperCase(Locale.ROOT);
            if (!sex.equals("F") && !sex.equals("M")) {
                problems.bad("sex", (sex.isEmpty() ? "empty" : "'" + row.get("sex") + "' is not") + " F or M");
                bad = true;
            }
            String yearGroup = row.get("year_group").toUpperCase(Locale.ROOT);
            if (!yearGroup.isEmpty() && !ModelCodes.YEAR_GROUPS.contains(yearGroup)) {
                problems.bad("year_group", "'" + row.get("year_group") + "' is not a year group: "
                    + String.join(", ", ModelCodes.YEAR_GROUPS) + ", or empty when not in school");
                bad = true;
            }
            String provision = row.get("sen_provision").toUpperCase(Locale.ROOT);
            if (!PROVISIONS.contains(provision)) {
                problems.bad("sen_provision", (provision.isEmpty() ? "empty" : "'" + row.get("sen_provision") + "' is not")
                    + " an SEN provision: E (EHC plan), K (SEN support) or N (no SEN)");
                bad = true;
            }
            String primary = row.get("primary_need").toUpperCase(Locale.ROOT);
            String secondary = row.get("secondary_need").toUpperCase(Locale.ROOT);
            bad |= !need("primary_need", primary, provision, census, problems);
            bad |= !need("secondary_need", secondary, provision, census, problems);
            if (provision.equals("E") || provision.equals("K")) {
                if (primary.isEmpty()) {
                    problems.bad("primary_need", "empty, but sen_provision is " + provision + " (a child with SEN has a primary need)");
                    bad = true;
                }
                if (primary.equals("NSA") && provision.equals("E")) {
                    problems.bad("primary_need", "NSA (no specialist assessment) is for SEN support (K) only, not E");
                    bad = true;
                }
                if (secondary.equals("NSA")) {
                    problems.bad("secondary_need", "NSA (no specialist assessment) is a primary need only");
                    bad = true;
                }
                if (!secondary.isEmpty() && primary.isEmpty()) {
                    problems.bad("secondary_need", "'" + secondary + "' with no primary_need");
                    bad = true;
                }
                if (!secondary.isEmpty() && secondary.equals(primary)) {
                    problems.bad("secondary_need", "'" + secondary + "' is the primary need too");
                    bad = true;
                }
            }
            else if (provision.equals("N") && (!primary.isEmpty() || !secondary.isEmpty())) {
                problems.bad(primary.isEmpty() ? "secondary_need" : "primary_need",
                    "'" + (primary.isEmpty() ? secondary : primary) + "' but sen_provision is N (no SEN): leave the needs empty");
                bad = true;
            }
            String urn = row.get("urn");
            if (!urn.isEmpty() && !urn.matches("\\d{6}")) {
                problems.bad("urn", "'" + urn + "' is not a URN (6 digits, or empty)");
                bad = true;
            }
            if (bad) {
                return List.of();
            }
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("key", ref);
            parameters.put("censusDate", census);
            parameters.put("birthYear", birthYear);
            parameters.put("sex", sex);
            parameters.put("yearGroup", yearGroup.isEmpty() ? null : yearGroup);
            parameters.put("senProvision", provision);
            parameters.put("primaryNeed", primary.isEmpty() ? null : primary);
            parameters.put("secondaryNeed", secondary.isEmpty() ? null : secondary);
            List<Reference> references = new java.util.ArrayList<>(List.of(
                new Reference("la_code", ImportCypher.AREA_BY_DFE_CODE, la),
                new Reference("child_ref", ImportCypher.CHILD_CURRENT_AREA, ref)));
            if (!urn.isEmpty()) {
                references.add(new Reference("urn", ImportCypher.SETTING_BY_URN, urn));
            }
            return List.of(new Candidate(parameters, List.copyOf(references)));
        }

        /** A need cell: empty or one of the model's codes (DS from the January 2025 census). */
        private static boolean need(String column, String need, String provision, LocalDate census, RowProblems problems) {
            if (need.isEmpty()) {
                return true;
            }
            if (!ModelCodes.NEEDS.contains(need)) {
                problems.bad(column, "'" + need + "' is not a type of need: " + String.join(", ", ModelCodes.NEEDS));
                return false;
            }
            if (need.equals("DS") && census != null && census.isBefore(DS_FROM)) {
                problems.bad(column, "DS (Down syndrome) is recorded from the January 2025 census, not on " + census);
                return false;
            }
            return true;
        }

        @Override
        public Map<String, Object> complete(Candidate candidate, Resolved resolved, RowProblems problems) {
            List<Reference> references = candidate.references();
            String area = resolved.key(references.get(0));
            String current = resolved.key(references.get(1));
            Map<String, Object> parameters = new HashMap<>(candidate.parameters());
            parameters.put("area", area);
            parameters.put("setting", references.size() > 2 ? resolved.key(references.get(2)) : null);
            List<String> scope = SettingsKind.scopeAreas(area, current);
            parameters.put("scopeAreas", scope);
            if (scope.size() > 1) {
                moved.addAll(scope);
            }
            return parameters;
        }

        @Override
        public void afterLoad() {
            if (moved.isEmpty()) {
                return;
            }
            for (Record measure : database.read(ImportCypher.CHILD_MEASURES, Map.of())) {
                summaries.refresh(measure.get("code").asString(), List.copyOf(moved));
            }
        }
    }
}
