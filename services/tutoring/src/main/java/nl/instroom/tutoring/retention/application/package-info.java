/**
 * How long tutoring keeps each kind of personal data (docs/security.md, Retention): pupils' data after their last
 * placement, the schools' evaluation notes, matching runs. The chassis' daily purge runs these rules and publishes
 * what they removed.
 */
package nl.instroom.tutoring.retention.application;
