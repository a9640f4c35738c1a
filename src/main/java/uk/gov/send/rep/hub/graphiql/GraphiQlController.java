package uk.gov.send.rep.hub.graphiql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves GraphiQL at {@code /graphiql}. Its scripts and styles come from webjars inside the hub
 * ({@code /webjars/...}); nothing is fetched from a CDN. The example queries in
 * {@code classpath:graphiql/examples/*.graphql} open as tabs; the header editor is on so a user
 * can paste {@code Authorization: Bearer ...}.
 */
@Controller
class GraphiQlController {

    private final GraphiQlProperties properties;
    private final String page;

    GraphiQlController(GraphiQlProperties properties, JsonMapper json) throws IOException {
        this.properties = properties;
        String template = new ClassPathResource("graphiql/index.html").getContentAsString(StandardCharsets.UTF_8);
        this.page = template.replace("/*EXAMPLES*/[]", json.writeValueAsString(examples()));
    }

    @GetMapping({ "/graphiql", "/graphiql/" })
    ResponseEntity<String> graphiql() {
        if (!properties.enabled()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok()
            .contentType(MediaType.TEXT_HTML)
            .cacheControl(CacheControl.noCache())
            .header("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'; "
                + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'")
            .body(page);
    }

    /** The example tabs, in file-name order: a title comment on the first line, then the query. */
    static List<Map<String, String>> examples() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:graphiql/examples/*.graphql");
        List<Resource> sorted = new ArrayList<>(Arrays.asList(files));
        sorted.sort(Comparator.comparing(Resource::getFilename));
        List<Map<String, String>> tabs = new ArrayList<>();
        for (Resource file : sorted) {
            Map<String, String> tab = new LinkedHashMap<>();
            tab.put("query", file.getContentAsString(StandardCharsets.UTF_8));
            tabs.add(tab);
        }
        return tabs;
    }

    static String read(Resource resource) {
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
