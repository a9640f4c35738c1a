/**
 * Pilot evaluation (issue 5, ADR 0013): outcome series per pilot arm with the partnership's and
 * England's lines, differences in differences with standard errors and confidence intervals,
 * pilots compared and pooled, areas benchmarked against their statistical neighbours, and CSV
 * exports of all of them. Aggregation happens in the database, one statement per question;
 * the statistics (and their distributions, from commons-math3) in Java; disclosure control of
 * children's figures follows ADR 0010.
 */
package uk.gov.send.rep.hub.evaluation;
