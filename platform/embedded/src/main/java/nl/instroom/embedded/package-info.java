/**
 * The embedded default infrastructure: a real Kafka broker (KRaft) started from Kafka's own main classes as a
 * separate process, and the MongoDB-compatible store mongo-java-server. mongo-java-server is not MongoDB: the
 * differences met so far are in docs/embedded-store.md. Services are written against MongoDB and use only what both
 * support; this package only configures the stand-in so that standard clients can talk to it.
 */
package nl.instroom.embedded;
