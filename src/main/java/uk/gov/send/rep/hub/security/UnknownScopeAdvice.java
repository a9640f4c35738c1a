package uk.gov.send.rep.hub.security;

import java.nio.charset.StandardCharsets;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A Spring MVC request whose valid token names a partnership or local area that is not in the
 * graph: 403 with the same message as GraphQL's {@code FORBIDDEN} error (as plain text), rather
 * than an empty scope that would look like an empty answer.
 */
@RestControllerAdvice
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class UnknownScopeAdvice {

    @ExceptionHandler(UnknownScopeException.class)
    ResponseEntity<String> refuse(UnknownScopeException unknown) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
            .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
            .body(unknown.getMessage());
    }
}
