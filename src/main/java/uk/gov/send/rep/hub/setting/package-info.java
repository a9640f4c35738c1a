/**
 * Education settings: schools and colleges by URN, registered and unregistered alternative
 * provision, early years and post-16 providers, and the local area each is in.
 */
package uk.gov.send.rep.hub.setting;
