/**
 * MongoDB storage of the need index: the inputs (read from the service's schools and vacancies, and the signals
 * it received), the current need per school with its outbox, and the history.
 */
package nl.instroom.needmapping.need.persistence;
