package uk.gov.send.rep.hub.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import uk.gov.send.rep.hub.evaluation.EvaluationQueries.MeasureInfo;
import uk.gov.send.rep.hub.evaluation.EvaluationQueries.PilotInfo;
import uk.gov.send.rep.hub.evaluation.EvaluationQueries.PilotWindows;
import uk.gov.send.rep.hub.evaluation.EvaluationQueries.Window;
import uk.gov.send.rep.hub.evaluation.Estimates.Disclosure;
import uk.gov.send.rep.hub.period.Period;
import uk.gov.send.rep.hub.pilot.Pilot;
import uk.gov.send.rep.hub.query.DisclosureProperties;
import uk.gov.send.rep.hub.query.InvalidArgumentException;
import uk.gov.send.rep.hub.query.QueryCost;
import uk.gov.send.rep.hub.query.Scope;
import uk.gov.send.rep.hub.query.Suppression;
import uk.gov.send.rep.hub.reform.Reform;

/**
 * Series, effects and comparisons of pilots, for GraphQL and CSV alike. Within a GraphQL request
 * the series and effects of many pilots load in batches: one statement per distinct set of
 * arguments (measure, windows, method), whatever the number of pilots, plus one for England's
 * line and one to look the measures up.
 */
@Service
public class Evaluations {

    static final String SERIES_LOADER = "hub.evaluation.series";
    static final String EFFECT_LOADER = "hub.evaluation.effect";

    /** At most this many pilots in one comparison. */
    static final int MAX_PILOTS = 50;

    private final EvaluationQueries queries;
    private final int threshold;

    Evaluations(EvaluationQueries queries, DisclosureProperties disclosure, BatchLoaderRegistry registry) {
        this.queries = queries;
        this.threshold = disclosure.threshold();
        registry.<SeriesKey, Result>forName(SERIES_LOADER).registerMappedBatchLoader((keys, env) ->
            Mono.fromCallable(Scope.bound(env, QueryCost.bound(env, () -> loadSeries(keys))))
                .subscribeOn(Schedulers.boundedElastic()));
        registry.<EffectKey, Result>forName(EFFECT_LOADER).registerMappedBatchLoader((keys, env) ->
            Mono.fromCallable(Scope.bound(env, QueryCost.bound(env, () -> loadEffects(keys))))
                .subscribeOn(Schedulers.boundedElastic()));
    }

    /** A series to load: the pilot, the measure code and the periods' dates. */
    record SeriesKey(Pilot pilot, String measure, Window window) {
    }

    /** An effect to load: the pilot, the measure code, the windows as given (null parts default) and the method. */
    record EffectKey(Pilot pilot, String measure, Window baseline, Window followUp, String method) {
    }

    /** A loaded value, or the argument error that stands for it. */
    record Result(Object value, InvalidArgumentException error) {

        @SuppressWarnings("unchecked")
        <T> T get() {
            if (error != null) {
                throw error;
            }
            return (T) value;
        }
    }

    /** A pilot's series, batched with the other pilots' of the request. */
    public CompletableFuture<OutcomeSeries> series(DataFetchingEnvironment env, Pilot pilot, String measure,
            Window window) {
        DataLoader<SeriesKey, Result> loader = env.getDataLoader(SERIES_LOADER);
        return loader.load(new SeriesKey(pilot, measure, window)).thenApply(Result::get);
    }

    /** A pilot's effect, batched with the other pilots' of the request. */
    public CompletableFuture<PilotEffect> effect(DataFetchingEnvironment env, Pilot pilot, String measure,
            Window baseline, Window followUp, String method) {
        DataLoader<EffectKey, Result> loader = env.getDataLoader(EFFECT_LOADER);
        return loader.load(new EffectKey(pilot, measure, baseline, followUp, method)).thenApply(Result::get);
    }

    /** Series of several pilots on one measure, in one batch (as the loader does; for CSV). */
    public Map<Pilot, OutcomeSeries> series(List<Pilot> pilots, String measure, Window window) {
        Set<SeriesKey> keys = new LinkedHashSet<>();
        pilots.forEach(p -> keys.add(new SeriesKey(p, measure, window)));
        Map<SeriesKey, Result> loaded = loadSeries(keys);
        Map<Pilot, OutcomeSeries> series = new LinkedHashMap<>();
        keys.forEach(k -> series.put(k.pilot(), loaded.get(k).get()));
        return series;
    }

    /** A pilot by code (for CSV), or an argument error naming it. */
    public Pilot pilot(String code) {
        List<PilotInfo> found = queries.pilots(List.of(code), null);
        if (found.isEmpty()) {
            throw new InvalidArgumentException("pilot", "no pilot has code '" + code + "'");
        }
        return found.getFirst().pilot();
    }

    /** Pilots by code in the order given, once each, in one statement (for CSV), or an argument error naming the unknown. */
    public List<Pilot> pilots(List<String> codes) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(codes));
        Map<String, Pilot> found = new LinkedHashMap<>();
        queries.pilots(distinct, null).forEach(p -> found.put(p.pilot().code(), p.pilot()));
        List<String> unknown = distinct.stream().filter(code -> !found.containsKey(code)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidArgumentException("pilot", "no pilot has code " + String.join(", ", unknown));
        }
        return distinct.stream().map(found::get).toList();
    }

    /**
     * Several pilots on one measure: those named, or those testing {@code reform}, or the named
     * ones testing it. Pooled when every row tests one reform.
     */
    public PilotComparison compare(String measure, String reform, List<String> pilotCodes, Window baseline,
            Window followUp, String method) {
        List<String> codes = pilotCodes == null ? List.of() : List.copyOf(new LinkedHashSet<>(pilotCodes));
        if (reform == null && codes.isEmpty()) {
            throw new InvalidArgumentException("pilots", "name the pilots to compare, or a reform to compare its pilots");
        }
        if (codes.size() > MAX_PILOTS) {
            throw new InvalidArgumentException("pilots", "at most " + MAX_PILOTS + " pilots, not " + codes.size());
        }
        MeasureInfo info = measure(measure);
        List<PilotInfo> found = queries.pilots(codes, codes.isEmpty() ? reform : null);
        List<String> unknown = codes.stream().filter(c -> found.stream().noneMatch(p -> p.pilot().code().equals(c)))
            .toList();
        if (!unknown.isEmpty()) {
            throw new InvalidArgumentException("pilots", "no pilot has code " + String.join(", ", unknown));
        }
        List<PilotInfo> pilots = reform == null ? found
            : found.stream().filter(p -> p.reforms().contains(reform)).toList();
        Reform chosen = reform == null ? null : queries.reform(reform)
            .orElseThrow(() -> new InvalidArgumentException("reform", "no reform has code '" + reform + "'"));
        if (reform != null && !codes.isEmpty() && pilots.size() < codes.size()) {
            List<String> other = codes.stream().filter(c -> pilots.stream().noneMatch(p -> p.pilot().code().equals(c)))
                .toList();
            throw new InvalidArgumentException("pilots", String.join(", ", other) + " do not test " + reform);
        }
        List<PilotEffect> rows = effects(pilots.stream().map(PilotInfo::pilot).toList(), info, baseline, followUp,
            method);
        String common = reform != null ? reform : commonReform(pilots);
        PilotComparison.Pooled pooled = null;
        if (common != null && !rows.isEmpty()) {
            Reform pooledReform = reform != null ? chosen : queries.reform(common).orElse(null);
            pooled = Estimates.pool(pooledReform, rows, info.measure().polarity(), threshold);
        }
        return new PilotComparison(info.measure(), chosen, rows, pooled);
    }

    private static String commonReform(List<PilotInfo> pilots) {
        if (pilots.isEmpty()) {
            return null;
        }
        List<String> shared = new ArrayList<>(pilots.getFirst().reforms());
        pilots.forEach(p -> shared.retainAll(p.reforms()));
        return shared.size() == 1 ? shared.getFirst() : null;
    }

    private MeasureInfo measure(String code) {
        MeasureInfo info = queries.measures(List.of(code)).get(code);
        if (info == null) {
            throw new InvalidArgumentException("measure", "no measure has code '" + code + "'");
        }
        return checkLevel(info);
    }

    private static MeasureInfo checkLevel(MeasureInfo info) {
        if (!"CHILD".equals(info.measure().level()) && !"AREA".equals(info.measure().level())) {
            throw new InvalidArgumentException("measure", info.measure().code() + " is observed at "
                + info.measure().level() + " level; pilots are evaluated on child- and area-level measures");
        }
        return info;
    }

    /** Pilots' effects on one measure with the same windows and method: one statement. */
    List<PilotEffect> effects(List<Pilot> pilots, MeasureInfo info, Window baseline, Window followUp, String method) {
        List<PilotWindows> windows = new ArrayList<>();
        for (Pilot pilot : pilots) {
            windows.add(windows(pilot, baseline, followUp));
        }
        Map<String, Map<String, Object>> rows = windows.isEmpty() ? Map.of()
            : queries.effects(windows, info, Scope.current());
        Disclosure disclosure = disclosure(info);
        List<PilotEffect> effects = new ArrayList<>();
        for (int i = 0; i < pilots.size(); i++) {
            Pilot pilot = pilots.get(i);
            effects.add(Estimates.effect(pilot, info, method, windows.get(i), rows.get(pilot.code()), disclosure));
        }
        return effects;
    }

    /**
     * A pilot's windows: as given, with a missing end of the baseline and a missing start of the
     * follow-up taken from the pilot's start; the baseline must end before the follow-up starts.
     */
    static PilotWindows windows(Pilot pilot, Window baseline, Window followUp) {
        LocalDate start = pilot.start();
        Window before = new Window(baseline == null ? null : baseline.from(),
            baseline == null || baseline.to() == null ? start : baseline.to());
        Window after = new Window(followUp == null || followUp.from() == null ? start : followUp.from(),
            followUp == null ? null : followUp.to());
        if (before.to() == null || after.from() == null || before.to().isAfter(after.from())) {
            throw new InvalidArgumentException("baseline", "the baseline window (before " + before.to()
                + ") must end before the follow-up window starts (" + after.from() + ") for pilot " + pilot.code());
        }
        if (after.to() != null && !after.to().isAfter(after.from())) {
            throw new InvalidArgumentException("followUp", "the follow-up window is empty (from " + after.from()
                + ", before " + after.to() + ")");
        }
        return new PilotWindows(pilot.code(), before, after);
    }

    private Disclosure disclosure(MeasureInfo info) {
        return new Disclosure(info.childLevel() && !Scope.current().unrestricted(), threshold);
    }

    private Map<SeriesKey, Result> loadSeries(Set<SeriesKey> keys) {
        Map<SeriesKey, Result> results = new LinkedHashMap<>();
        Map<String, MeasureInfo> measures = queries.measures(keys.stream().map(SeriesKey::measure).distinct().toList());
        Map<List<Object>, List<SeriesKey>> groups = new LinkedHashMap<>();
        for (SeriesKey key : keys) {
            MeasureInfo info = measures.get(key.measure());
            if (info == null) {
                results.put(key, new Result(null, new InvalidArgumentException("measure",
                    "no measure has code '" + key.measure() + "'")));
                continue;
            }
            try {
                checkLevel(info);
            }
            catch (InvalidArgumentException wrongLevel) {
                results.put(key, new Result(null, wrongLevel));
                continue;
            }
            groups.computeIfAbsent(List.of(key.measure(), key.window()), g -> new ArrayList<>()).add(key);
        }
        groups.forEach((group, members) -> {
            MeasureInfo info = measures.get((String) group.get(0));
            Window window = (Window) group.get(1);
            Scope scope = Scope.current();
            List<String> codes = members.stream().map(k -> k.pilot().code()).distinct().toList();
            List<Map<String, Object>> rows = queries.series(codes, info, window, scope);
            Disclosure disclosure = disclosure(info);
            for (SeriesKey key : members) {
                results.put(key, new Result(assemble(key.pilot(), info, rows, disclosure), null));
            }
        });
        return results;
    }

    private static OutcomeSeries assemble(Pilot pilot, MeasureInfo info, List<Map<String, Object>> rows,
            Disclosure disclosure) {
        Map<String, List<SeriesPoint>> lines = new LinkedHashMap<>();
        for (String kind : List.of(Estimates.INTERVENTION, Estimates.COMPARISON, "PARTNERSHIP", "ENGLAND")) {
            lines.put(kind, new ArrayList<>());
        }
        for (Map<String, Object> row : rows) {
            Object rowPilot = row.get("pilot");
            if (rowPilot != null && !pilot.code().equals(rowPilot)) {
                continue;
            }
            Period period = Estimates.period(row);
            if (period == null) {
                continue;
            }
            long n = Estimates.number(row, "n");
            SeriesPoint point = SeriesPoint.of(period, info.kind(), n, Estimates.number(row, "missing"),
                Estimates.decimal(row, "numerator"), Estimates.decimal(row, "denominator"),
                Estimates.decimal(row, "mean"), Estimates.decimal(row, "sd"));
            Suppression suppressed = disclosure.of(n, Estimates.number(row, "outside"));
            lines.get((String) row.get("line")).add(suppressed == null ? point : point.suppress(suppressed));
        }
        List<OutcomeSeries.Line> result = new ArrayList<>();
        lines.forEach((kind, points) -> {
            points.sort((a, b) -> a.period().compareTo(b.period()));
            result.add(new OutcomeSeries.Line(kind, label(kind, pilot, info), List.copyOf(points)));
        });
        return new OutcomeSeries(info.measure(), info.kind(), result);
    }

    private static String label(String kind, Pilot pilot, MeasureInfo info) {
        String units = info.childLevel() ? "children" : "areas";
        return switch (kind) {
            case Estimates.INTERVENTION -> pilot.code() + " intervention " + units;
            case Estimates.COMPARISON -> pilot.code() + " comparison " + units;
            case "PARTNERSHIP" -> info.childLevel() ? "Children observed in the partnership's member areas"
                : "The partnership's member areas";
            default -> info.childLevel() ? "Every child observed in England" : "Every area in England";
        };
    }

    private Map<EffectKey, Result> loadEffects(Set<EffectKey> keys) {
        Map<EffectKey, Result> results = new LinkedHashMap<>();
        Map<String, MeasureInfo> measures = queries.measures(keys.stream().map(EffectKey::measure).distinct().toList());
        Map<List<Object>, List<EffectKey>> groups = new LinkedHashMap<>();
        for (EffectKey key : keys) {
            MeasureInfo info = measures.get(key.measure());
            try {
                if (info == null) {
                    throw new InvalidArgumentException("measure", "no measure has code '" + key.measure() + "'");
                }
                checkLevel(info);
                windows(key.pilot(), key.baseline(), key.followUp());
            }
            catch (InvalidArgumentException invalid) {
                results.put(key, new Result(null, invalid));
                continue;
            }
            groups.computeIfAbsent(java.util.Arrays.asList(key.measure(), key.baseline(), key.followUp(), key.method()),
                g -> new ArrayList<>()).add(key);
        }
        groups.forEach((group, members) -> {
            EffectKey first = members.getFirst();
            List<Pilot> pilots = members.stream().map(EffectKey::pilot).distinct().toList();
            List<PilotEffect> effects = effects(pilots, measures.get(first.measure()), first.baseline(),
                first.followUp(), first.method());
            Map<String, PilotEffect> byPilot = new LinkedHashMap<>();
            effects.forEach(e -> byPilot.put(e.pilot().code(), e));
            members.forEach(k -> results.put(k, new Result(byPilot.get(k.pilot().code()), null)));
        });
        return results;
    }
}
