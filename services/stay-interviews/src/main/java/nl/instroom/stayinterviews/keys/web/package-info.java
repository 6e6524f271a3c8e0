/** The admin endpoints that ask for, approve and withdraw the deletion of a school's key. */
package nl.instroom.stayinterviews.keys.web;
