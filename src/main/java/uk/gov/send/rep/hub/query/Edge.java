package uk.gov.send.rep.hub.query;

/** An edge of a connection whose relationship carries no properties. */
public record Edge<T>(String cursor, T node) {
}
