/**
 * The nine Change Programme Partnerships (formerly Regional Expert Partnerships) and the local
 * areas that are their leads, joint leads and members.
 */
package uk.gov.send.rep.hub.partnership;
