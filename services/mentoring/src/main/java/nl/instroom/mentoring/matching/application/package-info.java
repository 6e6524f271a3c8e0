/** The coordinator's matching: run it, explain any pair, pin and exclude pairs, confirm a run. */
package nl.instroom.mentoring.matching.application;
