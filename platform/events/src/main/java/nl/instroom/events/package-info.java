/**
 * The published event contracts of Instroom: the only code services share about each other.
 *
 * <p>One immutable record per event type, grouped by the topic it travels on. Each record's logical type
 * (the CloudEvents {@code ce_type}) and topic are listed in {@link nl.instroom.events.EventCatalog}; its JSON
 * Schema lies in {@code schemas/<type>.json} and every channel is described in {@code asyncapi.yaml}, both on
 * this module's classpath. Events carry pseudonymous ids and facts, never names or free text.
 *
 * <p>Versioning: within a {@code .v1} type only optional fields may be added. Anything else (removing or
 * renaming a field, changing its meaning or type, adding a value to an enum that consumers switch on) is a new
 * type version and a new topic, published side by side until every consumer has moved.
 */
package nl.instroom.events;
