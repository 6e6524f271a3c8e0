/** MongoDB storage of schools: one document per school location with its outbox. */
package nl.instroom.needmapping.school.persistence;
