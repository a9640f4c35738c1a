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

    /**
     * Checks a child named by a mutation's input: for a scoped role, a child that does not live in
     * the scope's areas, or does not exist, is {@link FieldError#FORBIDDEN_SCOPE} (the same answer,
     * so a write never tells which refs exist elsewhere); for NATIONAL an unknown ref is
     * {@link FieldError#UNKNOWN_CODE}.
     *
     * @param area ONS code of the area the child lives in, null when there is no such child
     */
    public static void checkChild(FieldErrors errors, Scope scope, String ref, boolean exists, String area,
            Object... path) {
        if (!scope.unrestricted() && (!exists || !coversArea(scope, area))) {
            errors.add(FieldError.FORBIDDEN_SCOPE, "No child '" + ref + "' lives in the areas of your scope", path);
        }
        else if (!exists) {
            errors.add(FieldError.UNKNOWN_CODE, "No child has the ref '" + ref + "'", path);
        }
    }

    /** Whether the scope covers the protected rows of the local area with this ONS code. */
    public static boolean coversArea(Scope scope, String areaCode) {
        return scope.unrestricted() || areaCode != null && scope.areaCodes().contains(areaCode);
    }
}
