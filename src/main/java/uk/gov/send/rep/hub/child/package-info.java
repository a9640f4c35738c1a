/**
 * Pseudonymised children and young people (0 to 25): SEN provision and needs, the area they
 * live in and the settings they are placed at. Never a name, UPN, date of birth or postcode.
 */
package uk.gov.send.rep.hub.child;
