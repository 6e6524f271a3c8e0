/**
 * The suggestions inbox: people tutoring's and stay-interviews' events point at (a placement scored high on talent
 * for teaching, a shared growth ambition), each one suggestion per source fact, decided once. Plain Java.
 */
package nl.instroom.scouting.suggestion.domain;
