package uk.gov.send.rep.hub.child;

import java.util.List;

import uk.gov.send.rep.hub.mutation.FieldError;

/** What {@code recordPlacement} answers: the placement, or the field errors. */
record PlacementPayload(Placement placement, List<FieldError> errors, boolean replayed) {
}
