/** MongoDB storage of the suggestions inbox. */
package nl.instroom.scouting.suggestion.persistence;
