package uk.gov.send.rep.hub.reform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.gov.send.rep.hub.query.NodeType;

import static uk.gov.send.rep.hub.query.Props.str;

/** How reforms are stored. */
@Configuration(proxyBeanMethods = false)
public class ReformGraph {

    public static final NodeType<Reform> REFORM = new NodeType<>("Reform", "Reform", "code",
        p -> new Reform(str(p, "code"), str(p, "name"), str(p, "strand"), str(p, "description")));

    @Bean
    NodeType<Reform> reformNodeType() {
        return REFORM;
    }
}
