/**
 * The service chassis: what every Instroom service needs and none should write again. The CloudEvents envelope
 * on Kafka ({@code events}), the transactional outbox and its relay ({@code outbox}), and RFC 9457 problem
 * responses ({@code web}). No domain code lives here.
 */
package nl.instroom.chassis;
