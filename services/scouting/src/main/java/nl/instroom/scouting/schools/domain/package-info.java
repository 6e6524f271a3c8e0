/** Scouting's own view of schools (name, region, need), so it never asks need-mapping at request time. Plain Java. */
package nl.instroom.scouting.schools.domain;
