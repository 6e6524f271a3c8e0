/**
 * The embedded MongoDB-compatible store. mongo-java-server is not MongoDB: the differences met so far are listed
 * in docs/embedded-store.md. Services are written against MongoDB and use only what both support; this package
 * only configures the stand-in so that standard clients can talk to it.
 */
package nl.instroom.embeddedstore;
