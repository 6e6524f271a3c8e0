/** Keeps the school projection up to date from need-mapping's events. */
package nl.instroom.scouting.schools.application;
