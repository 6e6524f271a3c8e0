/**
 * End-to-end journeys of coordinators, talent scouts, school HR and admins against the whole local stack, started
 * once from the jars this build made (see {@link nl.instroom.e2e.RunningStack}).
 */
package nl.instroom.e2e;
