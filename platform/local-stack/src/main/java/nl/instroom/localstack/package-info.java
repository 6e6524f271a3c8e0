/**
 * The local stack: the embedded default for one machine with only a JDK. A supervisor starts a real single-node
 * Kafka broker (KRaft, from the Kafka jars), one mongo-java-server store per service on an H2 file, and the four
 * services, each as its own process, like they run in production; it stops them in reverse order.
 */
package nl.instroom.localstack;
