package uk.gov.send.rep.hub.evaluation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.gov.send.rep.hub.evaluation.EvaluationQueries.Window;
import uk.gov.send.rep.hub.period.Period;
import uk.gov.send.rep.hub.pilot.Pilot;
import uk.gov.send.rep.hub.query.InvalidArgumentException;
import uk.gov.send.rep.hub.query.Scope;

/**
 * CSV downloads of pilots' series and of effect tables with their pooled estimates (issue 5),
 * for evaluators who go on in R, Stata or Excel: the same questions as GraphQL's
 * {@code Pilot.series} and {@code pilotComparison}, answered by the same service with the
 * caller's {@link Scope} bound (from the bearer token, as for GraphQL: the security module
 * resolves the {@code Scope} parameter), so every figure passes the same disclosure control.
 * Laid out as EES tidy data ({@link EvaluationCsv}); README "CSV export" documents the parameters
 * and columns. A wrong parameter is a 400 whose plain-text body names it and says what is wrong.
 */
@RestController
class EvaluationCsvController {

    private static final MediaType CSV = MediaType.parseMediaType(TidyCsv.MEDIA_TYPE);
    private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final Evaluations evaluations;

    EvaluationCsvController(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    /** Pilots' series on one measure: {@code pilot} (one or more), {@code measure}, optional {@code from}, {@code to}. */
    @GetMapping("/evaluation/series.csv")
    ResponseEntity<byte[]> series(@RequestParam MultiValueMap<String, String> query, Scope scope) {
        Parameters parameters = new Parameters(query, Set.of("pilot", "measure", "from", "to"));
        List<String> codes = parameters.pilots(true);
        String measure = parameters.required("measure");
        Window window = Estimates.dates(parameters.period("from"), parameters.period("to"));
        TidyCsv table = as(scope, () -> EvaluationCsv.series(evaluations.series(evaluations.pilots(codes), measure,
            window)));
        return download(table, "series", measure, codes.size() == 1 ? codes.getFirst() : codes.size() + "-pilots");
    }

    /**
     * Pilots' effects on one measure, one row each, with the pooled estimate when they test one
     * reform: {@code measure}, {@code pilot} (any number) and/or {@code reform}, optional
     * {@code method} and the windows' {@code baselineFrom}, {@code baselineTo}, {@code followUpFrom},
     * {@code followUpTo}.
     */
    @GetMapping("/evaluation/effects.csv")
    ResponseEntity<byte[]> effects(@RequestParam MultiValueMap<String, String> query, Scope scope) {
        Parameters parameters = new Parameters(query, Set.of("pilot", "reform", "measure", "method", "baselineFrom",
            "baselineTo", "followUpFrom", "followUpTo"));
        String measure = parameters.required("measure");
        String reform = parameters.one("reform");
        List<String> codes = parameters.pilots(false);
        String method = method(parameters.one("method"));
        Window baseline = parameters.window("baseline");
        Window followUp = parameters.window("followUp");
        TidyCsv table = as(scope, () -> EvaluationCsv.effects(evaluations.compare(measure, reform,
            codes.isEmpty() ? null : codes, baseline, followUp, method)));
        String which = reform != null ? reform : codes.size() == 1 ? codes.getFirst() : codes.size() + "-pilots";
        return download(table, "effects", measure, which + "_" + method);
    }

    @ExceptionHandler(InvalidArgumentException.class)
    ResponseEntity<String> invalid(InvalidArgumentException invalid) {
        return ResponseEntity.badRequest().contentType(TEXT).body(invalid.getMessage());
    }

    /** The method, as GraphQL's {@code EffectMethod} (any case); UNIT_CHANGE when not given. */
    private static String method(String given) {
        if (given == null) {
            return Estimates.UNIT_CHANGE;
        }
        String method = given.strip().toUpperCase(Locale.ROOT);
        if (!method.equals(Estimates.UNIT_CHANGE) && !method.equals(Estimates.CELLS)) {
            throw new InvalidArgumentException("method", "'" + given + "' is not a method: " + Estimates.UNIT_CHANGE
                + " or " + Estimates.CELLS);
        }
        return method;
    }

    /** Runs the service with the caller's scope bound, as GraphQL's data fetchers run. */
    private static <T> T as(Scope scope, Callable<T> work) {
        try {
            return Scope.callAs(scope, work);
        }
        catch (RuntimeException failure) {
            throw failure;
        }
        catch (Exception checked) {
            throw new IllegalStateException(checked);
        }
    }

    private static ResponseEntity<byte[]> download(TidyCsv table, String... nameParts) {
        String name = String.join("_", nameParts).replaceAll("[^A-Za-z0-9_-]", "_") + ".csv";
        return ResponseEntity.ok()
            .contentType(CSV)
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
            .body(table.bytes());
    }

    /** A download's query parameters: only the known ones, each single-valued one at most once. */
    private record Parameters(MultiValueMap<String, String> query, Set<String> known) {

        Parameters {
            Set<String> unknown = new TreeSet<>(query.keySet());
            unknown.removeAll(known);
            if (!unknown.isEmpty()) {
                throw new InvalidArgumentException(unknown.iterator().next(), "not a parameter of this download; "
                    + "its parameters are " + String.join(", ", new TreeSet<>(known)));
            }
        }

        List<String> all(String name) {
            return query.getOrDefault(name, List.of()).stream().map(String::strip).toList();
        }

        /** The value, or null when not given. */
        String one(String name) {
            List<String> values = all(name);
            if (values.size() > 1) {
                throw new InvalidArgumentException(name, "given " + values.size() + " times; give it once");
            }
            return values.isEmpty() || values.getFirst().isEmpty() ? null : values.getFirst();
        }

        String required(String name) {
            String value = one(name);
            if (value == null) {
                throw new InvalidArgumentException(name, "required");
            }
            return value;
        }

        /** The pilot codes, each once: at most {@value Evaluations#MAX_PILOTS}, and at least one if {@code required}. */
        List<String> pilots(boolean required) {
            List<String> codes = all("pilot").stream().filter(code -> !code.isEmpty()).distinct().toList();
            if (required && codes.isEmpty()) {
                throw new InvalidArgumentException("pilot", "required (a pilot code; repeat it for several pilots)");
            }
            if (codes.size() > Evaluations.MAX_PILOTS) {
                throw new InvalidArgumentException("pilot", "at most " + Evaluations.MAX_PILOTS + " pilots, not "
                    + codes.size());
            }
            return codes;
        }

        Period period(String name) {
            return EvaluationCsv.period(name, one(name));
        }

        /** The window {@code <prefix>From}..{@code <prefix>To}; null when neither is given (the pilot's defaults). */
        Window window(String prefix) {
            Period from = period(prefix + "From");
            Period to = period(prefix + "To");
            return from == null && to == null ? null : Estimates.dates(from, to);
        }
    }
}
