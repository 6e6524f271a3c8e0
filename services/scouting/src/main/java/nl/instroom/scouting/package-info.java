/**
 * scouting: the talentfluisteraar's (talent scout's) pipeline of potential teachers, role models and ambassadors
 * ({@code talent}), the suggestions inbox fed by tutoring's and stay-interviews' events ({@code suggestion}), and
 * scouting's own view of schools and their need from need-mapping ({@code schools}). See docs/scouting.md.
 */
package nl.instroom.scouting;
