/** Admin use case on school keys: deleting a school's key makes all its stored free text unreadable. */
package nl.instroom.stayinterviews.keys.application;
