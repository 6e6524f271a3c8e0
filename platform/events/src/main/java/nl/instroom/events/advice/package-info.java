/**
 * Events career-advice (the Onderwijsloket's advice desk) publishes about career switchers it advised, under the
 * case's pseudonymous id and as facts only: never a name, an e-mail address, a question or a conversation summary.
 */
package nl.instroom.events.advice;
