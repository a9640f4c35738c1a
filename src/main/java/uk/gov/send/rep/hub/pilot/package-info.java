/**
 * Pilots: a partnership testing one or more reforms in intervention areas against comparison
 * areas, with the settings involved and the cohort of children in each arm.
 */
package uk.gov.send.rep.hub.pilot;
