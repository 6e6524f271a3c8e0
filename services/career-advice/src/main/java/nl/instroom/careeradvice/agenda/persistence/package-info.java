/** The slots' store, with the atomic booking. */
package nl.instroom.careeradvice.agenda.persistence;
