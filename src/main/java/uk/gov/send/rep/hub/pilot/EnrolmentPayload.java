package uk.gov.send.rep.hub.pilot;

import java.util.List;

import uk.gov.send.rep.hub.mutation.FieldError;

/** What {@code enrolInCohort} and {@code withdrawFromCohort} answer: the enrolment, or the field errors. */
record EnrolmentPayload(Enrolment enrolment, List<FieldError> errors, boolean replayed) {
}
