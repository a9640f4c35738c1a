package uk.gov.send.rep.hub.pilot;

import java.util.List;

import uk.gov.send.rep.hub.mutation.FieldError;

/** What {@code createPilot} and {@code updatePilot} answer: the pilot, or the field errors. */
record PilotPayload(Pilot pilot, List<FieldError> errors, boolean replayed) {
}
