/**
 * scouting: the talentfluisteraar's (talent scout's) pipeline of potential teachers, role models and
 * ambassadors, fed by tutoring's and stay-interviews' events. The capabilities arrive with the scouting issue;
 * this is the service's skeleton with its own store, health and metrics.
 */
package nl.instroom.scouting;
