package nl.instroom.needmapping.region.application;

import java.util.Map;

/**
 * What the region register needs to know of and ask of the schools, as a port of the region capability: the school
 * capability implements it (schools locate themselves through regions anyway), so region knows no school code and
 * the two form no cycle.
 */
public interface SchoolsOfRegions {

    /** How many schools each region has today, by region code. */
    Map<String, Integer> countByRegion();

    /** The schools of the municipality follow the register now (after a move effective today or earlier). */
    int followMunicipality(String municipalityCode);
}
