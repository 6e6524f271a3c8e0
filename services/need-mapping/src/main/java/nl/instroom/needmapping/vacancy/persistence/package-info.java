/**
 * MongoDB storage of vacancies. One document per vacancy holds its state and its pending events (the outbox), so
 * both are written in one single-document atomic write.
 */
package nl.instroom.needmapping.vacancy.persistence;
