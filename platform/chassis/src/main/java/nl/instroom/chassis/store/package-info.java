/**
 * What the persistence adapters of every service share about their stores: the indexes their queries need
 * ({@link nl.instroom.chassis.store.QueryIndexes}).
 */
package nl.instroom.chassis.store;
