/** MongoDB documents of programmes and cohorts. */
package nl.instroom.mentoring.programme.persistence;
