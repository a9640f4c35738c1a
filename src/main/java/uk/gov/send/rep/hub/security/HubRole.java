package uk.gov.send.rep.hub.security;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The roles a token can carry (ADR 0010), each with the claim it needs beyond the role itself.
 */
enum HubRole {

    /** The programme team: every row, exact aggregates. */
    NATIONAL(Needs.NOTHING),
    /** A partnership lead: the rows of the partnership's member areas. */
    PARTNERSHIP_LEAD(Needs.PARTNERSHIP),
    /** A local area: the rows of that area. */
    LOCAL_AREA(Needs.LOCAL_AREA),
    /** An evaluator: no child-level rows, disclosure-controlled aggregates. */
    EVALUATOR(Needs.NOTHING),
    /** The public (also every request with no token): no child-level rows. */
    PUBLIC(Needs.NOTHING);

    /** Which scoping claim a role needs. */
    enum Needs { NOTHING, PARTNERSHIP, LOCAL_AREA }

    private final Needs needs;

    HubRole(Needs needs) {
        this.needs = needs;
    }

    Needs needs() {
        return needs;
    }

    /** The Spring Security authority of this role ({@code ROLE_NATIONAL}, ...). */
    String authority() {
        return "ROLE_" + name();
    }

    /** The role named {@code name} (exactly, upper case), else null. */
    static HubRole named(String name) {
        for (HubRole role : values()) {
            if (role.name().equals(name)) {
                return role;
            }
        }
        return null;
    }

    /** {@code NATIONAL, PARTNERSHIP_LEAD, ...}, for messages. */
    static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
