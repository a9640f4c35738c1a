package uk.gov.send.rep.hub.period;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import uk.gov.send.rep.hub.query.InvalidArgumentException;

/** {@code periods}: a range of reporting periods, e.g. for a chart's axis. */
@Controller
class PeriodController {

    @QueryMapping
    List<Period> periods(@Argument Map<String, Object> from, @Argument Map<String, Object> to) {
        Period first = period("from", from);
        Period last = period("to", to);
        try {
            return Period.range(first, last);
        }
        catch (InvalidPeriodException invalid) {
            throw new InvalidArgumentException("to", invalid.getMessage());
        }
    }

    private static Period period(String argument, Map<String, Object> input) {
        try {
            return Period.parse(String.valueOf(input.get("timePeriod")), (String) input.get("timeIdentifier"));
        }
        catch (InvalidPeriodException invalid) {
            throw new InvalidArgumentException(argument, invalid.getMessage());
        }
    }
}
