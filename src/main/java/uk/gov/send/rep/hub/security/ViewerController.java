package uk.gov.send.rep.hub.security;

import graphql.GraphQLContext;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import uk.gov.send.rep.hub.query.Scope;

/** {@code viewer}: the request's own {@link Scope}, as the read API will apply it. */
@Controller
class ViewerController {

    @QueryMapping
    Viewer viewer(GraphQLContext context) {
        Scope scope = Scope.of(context);
        HubRole role = HubRole.named(scope.role());
        if (role == null) {
            throw new IllegalStateException("The request's scope has role " + scope.role() + ", which is not a hub role");
        }
        return new Viewer(scope.subject(), role, scope.partnership(), scope.localArea(), scope.areaCodes());
    }
}
