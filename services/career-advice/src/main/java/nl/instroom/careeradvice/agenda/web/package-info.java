/** The agenda's HTTP API. */
package nl.instroom.careeradvice.agenda.web;
