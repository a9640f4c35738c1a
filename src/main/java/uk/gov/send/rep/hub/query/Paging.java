package uk.gov.send.rep.hub.query;

/** Validates a connection's {@code first} and {@code after} arguments. */
public final class Paging {

    private Paging() {
    }

    public static PageRequest request(QueryProperties limits, Integer first, String after, boolean withTotal) {
        return request(limits, first, after, withTotal, null);
    }

    public static PageRequest request(QueryProperties limits, Integer first, String after, boolean withTotal,
            java.util.Map<String, Object> where) {
        int size = first == null ? limits.defaultPageSize() : first;
        if (size < 0) {
            throw new InvalidArgumentException("first", "must not be negative, was " + size);
        }
        if (size > limits.maxPageSize()) {
            throw new InvalidArgumentException("first", "must be at most " + limits.maxPageSize() + " (hub.graphql.max-page-size), was " + size);
        }
        return new PageRequest(size, after == null ? null : Cursors.decode(after), withTotal, where);
    }
}
