/**
 * Keeps the need index current: any relevant change marks its region; a short while later the region is scored
 * again, and only schools whose need changed get a new {@code SchoolNeedChanged}. A burst of changes is coalesced
 * into one recomputation, which always reads the current state, so the last event is never stale.
 */
package nl.instroom.needmapping.need.application;
