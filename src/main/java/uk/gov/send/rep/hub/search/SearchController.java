package uk.gov.send.rep.hub.search;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import uk.gov.send.rep.hub.query.PageRequest;
import uk.gov.send.rep.hub.query.Paging;
import uk.gov.send.rep.hub.query.QueryProperties;
import uk.gov.send.rep.hub.query.Selection;

/**
 * {@code Query.search}: validates the arguments (text, page size, cursor) and asks the
 * repository for one page of hits. The hits are the features' own records, so the
 * {@code Searchable} interface resolves to their GraphQL types by class name.
 */
@Controller
class SearchController {

    private final SearchRepository repository;
    private final QueryProperties limits;

    SearchController(SearchRepository repository, QueryProperties limits) {
        this.repository = repository;
        this.limits = limits;
    }

    @QueryMapping
    SearchConnection search(@Argument String text, @Argument List<SearchType> types, @Argument Integer first,
            @Argument String after, DataFetchingEnvironment env) {
        SearchText words = SearchText.parse(text);
        Set<SearchType> chosen = types == null ? EnumSet.allOf(SearchType.class)
            : types.isEmpty() ? EnumSet.noneOf(SearchType.class) : EnumSet.copyOf(types);
        PageRequest page = Paging.request(limits, null, first, null, null, null, Paging.selects(Selection.of(env), "totalCount"),
            null, null);
        SearchCursor cursor = after == null ? null : SearchCursor.decode(after, SearchCursor.fingerprint(words, chosen));
        if (cursor != null && cursor.approximate() && words.typoLucene() == null) {
            throw SearchCursor.malformed(after);
        }
        return repository.search(words, chosen, page.size(), cursor, page.withTotal());
    }
}
