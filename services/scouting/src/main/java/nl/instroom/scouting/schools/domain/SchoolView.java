package nl.instroom.scouting.schools.domain;

/**
 * What scouting knows of a school from need-mapping's events: its name and region, and its need index (0–100
 * within its region, derived from the scores need-mapping publishes; 0 while no need has been heard of).
 */
public record SchoolView(String schoolCode, String name, String region, double needIndex) {
}
