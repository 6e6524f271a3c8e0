/** MongoDB storage of the school projection. */
package nl.instroom.scouting.schools.persistence;
