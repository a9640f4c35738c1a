package uk.gov.send.rep.hub.evaluation;

/**
 * How a measure's observations are pooled: as a rate (100 × sum of numerators / sum of
 * denominators, when its observations carry both) or as a mean of the values.
 */
public enum ValueKind {
    RATE, MEAN
}
