/**
 * Exact matching of a cohort's school leaders and executives, and why each pair scored what it did: the score of a
 * pair (a base for every allowed pair, the leader's weighted themes the executive brings, the same region), the hard
 * exclusions (same organisation, either side's "not with", an earlier pair, the coordinator's exclusions), the
 * coordinator's pins, and the port of the exact solver ({@link nl.instroom.mentoring.matching.domain.PairingSolver})
 * whose answer is checked again here. Plain Java.
 */
package nl.instroom.mentoring.matching.domain;
