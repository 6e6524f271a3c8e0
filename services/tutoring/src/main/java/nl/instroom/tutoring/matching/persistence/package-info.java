/** MongoDB storage of matching runs: one document per run with its question, inputs' versions and result. */
package nl.instroom.tutoring.matching.persistence;
