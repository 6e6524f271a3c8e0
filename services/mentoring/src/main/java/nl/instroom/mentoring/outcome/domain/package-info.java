/**
 * What mentoring learns from stay-interviews and scouting to answer "did the programme help against the shortage of
 * school leaders": which schools take part in stay interviews (school codes only). What arrives about a linked
 * school leader is kept on their sign-up's staff link ({@code signup.domain.StaffLink}). Plain Java.
 */
package nl.instroom.mentoring.outcome.domain;
