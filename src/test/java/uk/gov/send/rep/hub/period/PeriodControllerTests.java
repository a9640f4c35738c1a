package uk.gov.send.rep.hub.period;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import uk.gov.send.rep.hub.support.HubGraphQlTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code periods} over GraphQL: a range as EES names it, and bad input answered with what is wrong and where. */
@HubGraphQlTest(PeriodController.class)
class PeriodControllerTests {

    @Autowired
    GraphQlTester graphQl;

    @Test
    void shouldListTheTermsOfARangeWithLabelsAndDates() {
        List<Map<String, Object>> periods = graphQl.document("""
                { periods(from: {timePeriod: 202223, timeIdentifier: "summer term"},
                          to: {timePeriod: 202324, timeIdentifier: "Spring term"}) {
                    kind timePeriod timeIdentifier label start end } }""")
            .execute().errors().verify().path("periods").entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
            .get();
        assertThat(periods).extracting(p -> p.get("label"))
            .containsExactly("2022/23 Summer term", "2023/24 Autumn term", "2023/24 Spring term");
        assertThat(periods.get(1)).containsEntry("kind", "TERM").containsEntry("timePeriod", 202324)
            .containsEntry("timeIdentifier", "Autumn term").containsEntry("start", "2023-09-01").containsEntry("end", "2024-01-01");
    }

    @Test
    void shouldSayWhatIsWrongWithABadPeriodAndWhere() {
        graphQl.document("""
                { periods(from: {timePeriod: 202325, timeIdentifier: "Academic year"},
                          to: {timePeriod: 202425, timeIdentifier: "Academic year"}) { label } }""")
            .execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                assertThat(error.getMessage()).isEqualTo("Invalid argument 'from': time_period 202325 is not a two-year "
                    + "period for 'Academic year': 6 digits, the second year following the first (e.g. 202324)");
            }));
        graphQl.document("""
                { periods(from: {timePeriod: 202324, timeIdentifier: "Academic year"},
                          to: {timePeriod: 2024, timeIdentifier: "Calendar year"}) { label } }""")
            .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getMessage()).startsWith("Invalid argument 'to': a range runs between "
                    + "periods of one kind")));
    }
}
