/**
 * Per-school encryption of free text at rest: the port through which stored stay-interview text is sealed and
 * opened, and through which a school's key is destroyed (crypto-shredding). Plain Java.
 */
package nl.instroom.stayinterviews.keys.domain;
