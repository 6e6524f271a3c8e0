/** MongoDB storage of the schools that take part in stay interviews (school codes only). */
package nl.instroom.mentoring.outcome.persistence;
