/**
 * Sign-ups of school leaders and executives to a cohort: what matching needs (sector, region, school board or
 * organisation, themes, capacity, "not with"), the least personal data that lets the coordinator reach the person
 * (a name and an e-mail address), their consent, and a pseudonymous participant reference for everything else.
 */
package nl.instroom.mentoring.signup.domain;
