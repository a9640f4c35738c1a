/**
 * Reporting periods as values: academic years, terms, calendar and financial years and months,
 * in the form DfE's explore education statistics (EES) files use ({@code time_period} and
 * {@code time_identifier}), with their dates, order and ranges. Used by the outcome series and
 * pilot evaluation (issue 5) and by the generator.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package uk.gov.send.rep.hub.period;
