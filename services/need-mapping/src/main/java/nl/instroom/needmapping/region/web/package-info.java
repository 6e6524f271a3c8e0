/** The HTTP API of the region register: regions and municipalities to read, an admin's changes. */
package nl.instroom.needmapping.region.web;
