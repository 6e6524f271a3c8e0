/** MongoDB documents of matching runs and of each cohort's pins and exclusions. */
package nl.instroom.mentoring.matching.persistence;
