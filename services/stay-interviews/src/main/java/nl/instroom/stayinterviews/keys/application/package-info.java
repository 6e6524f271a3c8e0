/**
 * Admin use case on school keys: deleting a school's key makes all its stored free text unreadable; it takes effect
 * only when a second admin approves the request (four eyes).
 */
package nl.instroom.stayinterviews.keys.application;
