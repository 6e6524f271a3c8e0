/**
 * CloudEvents 1.0 in Kafka binary mode: attributes travel as {@code ce_*} headers, the record value is the JSON
 * data, the record key is the aggregate id. Encoding and decoding of the published contracts.
 */
package nl.instroom.chassis.events;
