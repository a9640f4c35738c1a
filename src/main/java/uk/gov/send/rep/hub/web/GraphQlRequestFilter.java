package uk.gov.send.rep.hub.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What reaches the GraphQL endpoint at all, decided before any authentication or GraphQL work:
 * <ul>
 * <li>GET is refused with 405 (Spring Boot 4 routes GET on the GraphQL path to an empty 405 with
 * {@code Allow: POST}; this says why, and keeps it so whatever Spring does next: a mutation can
 * never run from a link);</li>
 * <li>a POST whose body is form-encoded, multipart or plain text (the content types a browser
 * sends cross-site without a CORS preflight) is refused with 415;</li>
 * <li>a body over {@code hub.graphql.limits.max-request-bytes} is refused with 413, read no
 * further;</li>
 * <li>a JSON array body (a batch of operations) is refused with 400 naming
 * {@code hub.graphql.limits.max-operations-per-request}: Spring for GraphQL cannot read it, and
 * Spring Boot's error page answered a bare {@code {"status": 400, "error": "Bad Request"}}.</li>
 * </ul>
 * Every refusal is a GraphQL-style body: {@code {"errors": [{"message": ..., "extensions":
 * {"classification": ...}}]}}.
 */
class GraphQlRequestFilter extends OncePerRequestFilter {

    private static final List<MediaType> REFUSED = List.of(MediaType.APPLICATION_FORM_URLENCODED,
        MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN);

    private final String path;
    private final int maxOperations;
    private final int maxBytes;
    private final JsonMapper json;

    GraphQlRequestFilter(String path, int maxOperations, int maxBytes, JsonMapper json) {
        this.path = path;
        this.maxOperations = maxOperations;
        this.maxBytes = maxBytes;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        return !uri.equals(path) && !uri.equals(path + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if (HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method)) {
            response.setHeader(HttpHeaders.ALLOW, "POST");
            String query = request.getParameter("query");
            boolean mutation = query != null && query.strip().startsWith("mutation");
            refuse(response, HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", (mutation ? "a mutation over GET is "
                + "never run; " : "") + "GraphQL is served over POST only: send the request as a POST to " + path
                + " with Content-Type application/json", Map.of());
            return;
        }
        if (!HttpMethod.POST.matches(method)) {
            chain.doFilter(request, response);
            return;
        }
        MediaType type = contentType(request);
        if (type != null && REFUSED.stream().anyMatch(refused -> refused.includes(type))) {
            refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "Content-Type "
                + type.getType() + "/" + type.getSubtype() + " is not accepted on " + path
                + ": send a JSON body {\"query\": ..., \"variables\": ...} with Content-Type application/json",
                Map.of());
            return;
        }
        byte[] body = request.getContentLengthLong() > maxBytes ? null
            : request.getInputStream().readNBytes(maxBytes + 1);
        if (body == null || body.length > maxBytes) {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("limit", "max-request-bytes");
            extensions.put("max", maxBytes);
            extensions.put("actual", body == null ? request.getContentLengthLong() : "more than " + maxBytes);
            refuse(response, HttpStatus.CONTENT_TOO_LARGE, "LIMIT_EXCEEDED", "request body of "
                + (body == null ? request.getContentLengthLong() : "more than " + maxBytes) + " bytes exceeds "
                + "hub.graphql.limits.max-request-bytes " + maxBytes, extensions);
            return;
        }
        if (startsArray(body)) {
            int operations = operations(body);
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("limit", "max-operations-per-request");
            extensions.put("max", maxOperations);
            extensions.put("actual", operations);
            refuse(response, HttpStatus.BAD_REQUEST, "LIMIT_EXCEEDED", operations + " operations in one request exceed "
                + "hub.graphql.limits.max-operations-per-request " + maxOperations + " (batches are not supported: "
                + "send one JSON object per request)", extensions);
            return;
        }
        chain.doFilter(new Replayed(request, body), response);
    }

    private static MediaType contentType(HttpServletRequest request) {
        try {
            return request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        }
        catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    private static boolean startsArray(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '[';
            }
        }
        return false;
    }

    /** The array's length, or -1 if it is not valid JSON. */
    private int operations(byte[] body) {
        try {
            JsonNode array = json.readTree(body);
            return array.size();
        }
        catch (JacksonException unreadable) {
            return -1;
        }
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String classification, String message,
            Map<String, Object> more) throws IOException {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("classification", classification);
        extensions.putAll(more);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", extensions);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(Map.of("errors", List.of(error))));
    }

    /** The request with its body, already read, readable again. */
    private static final class Replayed extends HttpServletRequestWrapper {

        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] into, int offset, int length) {
                    return in.read(into, offset, length);
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
