/** The erasure protocol: an admin's request to forget a person, and each service's answer. */
package nl.instroom.events.privacy;
