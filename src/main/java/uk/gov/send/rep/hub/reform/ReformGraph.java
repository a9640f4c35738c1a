package uk.gov.send.rep.hub.reform;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.gov.send.rep.hub.query.Field;
import uk.gov.send.rep.hub.query.NodeType;

import static uk.gov.send.rep.hub.query.Field.string;
import static uk.gov.send.rep.hub.query.Props.str;

/** How reforms are stored. */
@Configuration(proxyBeanMethods = false)
public class ReformGraph {

    public static final NodeType<Reform> REFORM = new NodeType<>("Reform", "Reform", "code",
        p -> new Reform(str(p, "code"), str(p, "name"), str(p, "strand"), str(p, "description")),
        List.of(string("code"), string("name"), string("strand")));

    @Bean
    NodeType<Reform> reformNodeType() {
        return REFORM;
    }
}
