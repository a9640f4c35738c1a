package uk.gov.send.rep.hub.period;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import uk.gov.send.rep.hub.query.InvalidArgumentException;

/** {@code periods}: a range of reporting periods, e.g. for a chart's axis. */
@Controller
class PeriodController {

    @QueryMapping
    List<Period> periods(@Argument PeriodInput from, @Argument PeriodInput to) {
        Period first = from.period("from");
        Period last = to.period("to");
        try {
            return Period.range(first, last);
        }
        catch (InvalidPeriodException invalid) {
            throw new InvalidArgumentException("to", invalid.getMessage());
        }
    }
}
