/**
 * Test support: gives an integration test a real Kafka broker and a MongoDB-compatible store.
 *
 * <p>Where Docker runs, the store and broker are Testcontainers {@code mongo} and {@code apache/kafka}; elsewhere
 * an in-process KRaft broker from the Kafka jars and mongo-java-server. The same tests run on both. Choose with
 * the system property {@value nl.instroom.testing.InfrastructureMode#PROPERTY} ({@code auto}, {@code embedded},
 * {@code containers}); a test that demands containers is skipped, with the reason, where Docker is missing.
 */
package nl.instroom.testing;
