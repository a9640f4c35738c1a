package uk.gov.send.rep.hub.outcome;

import java.util.List;

import uk.gov.send.rep.hub.mutation.FieldError;

/** What {@code recordObservation} answers: the observation, or the field errors. */
record ObservationPayload(Observation observation, List<FieldError> errors, boolean replayed) {
}
