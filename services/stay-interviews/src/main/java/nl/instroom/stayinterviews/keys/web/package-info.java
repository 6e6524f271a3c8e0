/** The admin endpoint that deletes a school's key. */
package nl.instroom.stayinterviews.keys.web;
