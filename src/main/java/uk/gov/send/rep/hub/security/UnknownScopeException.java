package uk.gov.send.rep.hub.security;

/**
 * A valid token names a partnership or local area that is not in the graph: the request is
 * refused rather than given an empty scope that would look like an empty answer.
 */
class UnknownScopeException extends RuntimeException {

    UnknownScopeException(String message) {
        super(message);
    }
}
