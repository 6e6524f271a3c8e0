/** Consumers of need-mapping's school and need topics. */
package nl.instroom.scouting.schools.messaging;
