/** The programme coordinator's use cases for programmes and cohorts. */
package nl.instroom.mentoring.programme.application;
