/**
 * Use cases on talents: flag, move through the pipeline, plan the next step, ambassadors and their activities; the
 * funnel and ambassador coverage of a region; anonymising a person on erasure.
 */
package nl.instroom.scouting.talent.application;
