package uk.gov.send.rep.hub.evaluation;

import java.time.LocalDate;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import uk.gov.send.rep.hub.period.Period;
import uk.gov.send.rep.hub.period.PeriodInput;
import uk.gov.send.rep.hub.query.InvalidArgumentException;

/**
 * {@code Query.areaBenchmark}: checks the arguments (the neighbours wanted, the window) and asks
 * for the benchmark in one statement, which also checks the area and the measure.
 */
@Controller
class AreaBenchmarkController {

    /** Most statistical neighbours one benchmark may ask for. */
    static final int MAX_NEIGHBOURS = 20;

    private final AreaBenchmarkQueries queries;
    private final BenchmarkProperties properties;

    AreaBenchmarkController(AreaBenchmarkQueries queries, BenchmarkProperties properties) {
        this.queries = queries;
        this.properties = properties;
    }

    @QueryMapping
    AreaBenchmark areaBenchmark(@Argument String area, @Argument String measure, @Argument PeriodInput from,
            @Argument PeriodInput to, @Argument int neighbours) {
        if (neighbours < 1 || neighbours > MAX_NEIGHBOURS) {
            throw new InvalidArgumentException("neighbours", "asks for " + neighbours + " statistical neighbours; "
                + "ask for 1 to " + MAX_NEIGHBOURS);
        }
        Period first = from == null ? null : from.period("from");
        Period last = to == null ? null : to.period("to");
        if (first != null && last != null && !last.end().isAfter(first.start())) {
            throw new InvalidArgumentException("to", last.label() + " ends before " + first.label() + " (from) starts");
        }
        LocalDate startsOn = first == null ? null : first.start();
        LocalDate endsBefore = last == null ? null : last.end();
        return queries.benchmark(area, measure, startsOn, endsBefore, neighbours, properties.neighbourCharacteristics());
    }
}
