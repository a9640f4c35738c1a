package uk.gov.send.rep.hub.seed;

/** Where the generator sends its rows, in the order it makes them. */
@FunctionalInterface
interface SeedSink {

    void accept(SeedRow row);
}
