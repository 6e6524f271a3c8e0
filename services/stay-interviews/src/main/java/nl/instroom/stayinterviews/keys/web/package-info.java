/** The admin endpoints on keys: delete a school's key, see and rotate the master keys. */
package nl.instroom.stayinterviews.keys.web;
