package uk.gov.send.rep.hub.mutation;

import uk.gov.send.rep.hub.query.AccessRefusedException;
import uk.gov.send.rep.hub.query.Scope;

/**
 * Who may change data at all (ADR 0017): a role that may read no child's rows ({@code EVALUATOR},
 * {@code PUBLIC}) may write nothing; {@code NATIONAL} may write anything; a partnership lead and a
 * local area may write what their scope's areas cover, as each mutation says.
 */
public final class Writers {

    /** The role of a partnership lead. */
    public static final String PARTNERSHIP_LEAD = "PARTNERSHIP_LEAD";

    private Writers() {
    }

    /** Refuses a role that may write nothing ({@code FORBIDDEN}, naming the role), before anything runs. */
    public static void requireWriter(Scope scope, String mutation) {
        if (scope.rows() == Scope.Rows.NONE) {
            throw new AccessRefusedException(scope, "change data (" + mutation + ")");
        }
    }

    /** Refuses every role but those named ({@code FORBIDDEN}, naming the role), before anything runs. */
    public static void requireRole(Scope scope, String mutation, String... roles) {
        requireWriter(scope, mutation);
        for (String role : roles) {
            if (role.equals(scope.role())) {
                return;
            }
        }
        throw new AccessRefusedException(scope, "change data with " + mutation + " (only " + String.join(", ", roles)
            + " may)");
    }

    /** Whether the scope covers the protected rows of the local area with this ONS code. */
    public static boolean coversArea(Scope scope, String areaCode) {
        return scope.unrestricted() || areaCode != null && scope.areaCodes().contains(areaCode);
    }
}
