/** The HTTP API of the suggestions inbox. */
package nl.instroom.scouting.suggestion.web;
