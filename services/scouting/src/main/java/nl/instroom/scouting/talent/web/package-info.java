/** The HTTP API for the talent pipeline, ambassadors, the funnel and coverage. */
package nl.instroom.scouting.talent.web;
