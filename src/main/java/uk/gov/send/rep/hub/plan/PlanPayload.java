package uk.gov.send.rep.hub.plan;

import java.util.List;

import uk.gov.send.rep.hub.mutation.FieldError;

/** What {@code recordPlanEvent} answers: the plan, or the field errors. */
record PlanPayload(Plan plan, List<FieldError> errors, boolean replayed) {
}
