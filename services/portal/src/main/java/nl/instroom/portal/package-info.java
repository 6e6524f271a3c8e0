/**
 * The portal: web pages for people (coordinators, school HR, talent scouts, admins). It keeps no data of its own;
 * every page is drawn from the services' APIs, called with the signed-in person's own token, so each service's
 * access rules stay the only ones that decide what a person may see.
 */
package nl.instroom.portal;
