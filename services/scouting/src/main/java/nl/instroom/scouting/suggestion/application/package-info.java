/** Use cases of the suggestions inbox: offer from events, list, accept into a flag, dismiss; erasure. */
package nl.instroom.scouting.suggestion.application;
