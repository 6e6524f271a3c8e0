/**
 * Admin use cases on keys: deleting a school's key makes all its stored free text unreadable; rotating the master
 * key wraps every school key with the new one.
 */
package nl.instroom.stayinterviews.keys.application;
