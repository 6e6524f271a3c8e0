/** HTTP API of pairs ({@code /api/pairs}, a run's confirmation, a cohort's pairs and quiet pairs, withdrawals). */
package nl.instroom.mentoring.pair.web;
