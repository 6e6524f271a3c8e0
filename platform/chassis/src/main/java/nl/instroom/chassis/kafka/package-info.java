/**
 * How a service's Kafka clients authenticate to the brokers. One set of settings ({@code instroom.kafka.*}, or the
 * {@code KAFKA_*} environment variables of docs/configuration.md) reaches every client a service opens: the
 * Spring Cloud Stream binder's consumers, producers and admin client, and the chassis' own outbox and dead-letter
 * producers. Without settings a client speaks PLAINTEXT, as the local stack and the tests do on loopback.
 */
package nl.instroom.chassis.kafka;
