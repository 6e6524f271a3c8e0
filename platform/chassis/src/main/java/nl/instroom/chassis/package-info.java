/**
 * The service chassis: what every Instroom service needs and none should write again. The CloudEvents envelope
 * on Kafka ({@code events}), the transactional outbox and its relay ({@code outbox}), and RFC 9457 problem
 * responses ({@code web}). No domain code lives here. {@link nl.instroom.chassis.ChassisAutoConfiguration} wires what
 * they all stand on; each capability package wires itself with an auto-configuration of its own (listed in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}).
 */
package nl.instroom.chassis;
