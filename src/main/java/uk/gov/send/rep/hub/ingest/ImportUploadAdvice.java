package uk.gov.send.rep.hub.ingest;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the multipart limits: 413 with a JSON body naming the limits and the properties
 * that set them. Advice for every handler, because the servlet container refuses the request while
 * its parts are read, before Spring MVC knows which handler it is for (uploads to
 * {@link ImportUploadController} are the hub's only multipart requests; {@code /graphql} refuses
 * multipart bodies with 415 before they are read).
 */
@RestControllerAdvice
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ImportUploadAdvice {

    private final String maxFileSize;
    private final String maxRequestSize;

    ImportUploadAdvice(@Value("${spring.servlet.multipart.max-file-size:1MB}") String maxFileSize,
            @Value("${spring.servlet.multipart.max-request-size:10MB}") String maxRequestSize) {
        this.maxFileSize = maxFileSize;
        this.maxRequestSize = maxRequestSize;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Object> tooLarge(MaxUploadSizeExceededException tooLarge) {
        return ImportUploadController.error(HttpStatus.CONTENT_TOO_LARGE, "CONTENT_TOO_LARGE", "The upload is too large: "
            + "each file may have at most " + maxFileSize + " (spring.servlet.multipart.max-file-size) and a request "
            + "at most " + maxRequestSize + " (spring.servlet.multipart.max-request-size); nothing was imported. "
            + "Split the file, or import it with the import command", List.of());
    }
}
