/** The HTTP API for schools: import, look up, list. */
package nl.instroom.needmapping.school.web;
