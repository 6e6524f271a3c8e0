/**
 * Per-school encryption of free text at rest: the port through which stored stay-interview text is sealed (bound
 * to its school, employee, interview and field) and opened, through which a school's key is destroyed
 * (crypto-shredding), and through which school keys move to a new master key. Plain Java.
 */
package nl.instroom.stayinterviews.keys.domain;
