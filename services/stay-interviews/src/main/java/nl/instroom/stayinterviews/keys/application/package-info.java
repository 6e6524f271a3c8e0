/**
 * Admin use cases on keys: deleting a school's key makes all its stored free text unreadable, and takes effect only
 * when a second admin approves the request (four eyes); rotating the master key wraps every school key with the new
 * one.
 */
package nl.instroom.stayinterviews.keys.application;
