/** MongoDB storage of talents (one document each, with its outbox). */
package nl.instroom.scouting.talent.persistence;
