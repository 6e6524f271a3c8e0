/**
 * A person's advice case: the minimum personal data with consent and a chosen retention period, and the adviser's
 * log of contacts, phases, outcomes and referrals.
 */
package nl.instroom.careeradvice.cases.domain;
