package uk.gov.send.rep.hub.query;

import java.util.List;

/**
 * The relationship fields a feature declares, contributed as a bean so that {@code where} filters
 * can follow them ({@code some}, {@code none}, {@code all}, {@code single}).
 */
public record Relations(List<Relation<?, ?, ?>> relations) {

    public Relations {
        relations = List.copyOf(relations);
    }

    public static Relations of(Relation<?, ?, ?>... relations) {
        return new Relations(List.of(relations));
    }
}
