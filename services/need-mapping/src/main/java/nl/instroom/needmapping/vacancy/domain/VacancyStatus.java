package nl.instroom.needmapping.vacancy.domain;

/** Where a vacancy stands. Only an open vacancy can be filled or withdrawn. */
public enum VacancyStatus {
    OPEN, FILLED, WITHDRAWN
}
