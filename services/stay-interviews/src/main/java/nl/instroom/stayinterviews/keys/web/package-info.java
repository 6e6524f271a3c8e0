/** The admin endpoints on keys: ask for, approve and withdraw the deletion of a school's key; see and rotate the master keys. */
package nl.instroom.stayinterviews.keys.web;
