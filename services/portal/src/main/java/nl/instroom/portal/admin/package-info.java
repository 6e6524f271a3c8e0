/** The admin's pages: erasure requests and which services have completed them, and the services' audit trails. */
package nl.instroom.portal.admin;
