/**
 * MongoDB storage of the need index: the inputs (read from the service's schools and vacancies, and the signals
 * it received), the current need per school with its outbox, and the history; and the read model the ranking and
 * the summaries are served from (a view per school, an aggregate per region).
 */
package nl.instroom.needmapping.need.persistence;
