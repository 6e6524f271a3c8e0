/**
 * stay-interviews: school HR registers staff under pseudonymous references and logs stay-gesprekken (stay
 * interviews); free text is encrypted at rest with a per-school key, and only retention signals — never interview
 * content — leave the service on stay.signals.v1. See docs/stay-interviews.md.
 */
package nl.instroom.stayinterviews;
