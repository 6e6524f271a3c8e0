/**
 * Consuming events safely. {@link nl.instroom.chassis.consumer.EventConsumers} decodes and measures each record;
 * {@link nl.instroom.chassis.consumer.DeadLetterRouting} retries what may succeed later and parks what never will on
 * {@code <topic>.<group>.dlq}; {@link nl.instroom.chassis.consumer.IdempotentWrites} makes an effect happen once,
 * however often its event arrives, and never from an older revision after a newer one.
 */
package nl.instroom.chassis.consumer;
