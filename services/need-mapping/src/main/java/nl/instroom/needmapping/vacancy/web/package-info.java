/** The HTTP API for vacancies. */
package nl.instroom.needmapping.vacancy.web;
