/**
 * stay-interviews: school HR logs stay-gesprekken (stay interviews) and only retention signals, never interview
 * content, leave the service. The capabilities arrive with the stay-interviews issue; this is the service's
 * skeleton with its own store, health and metrics.
 */
package nl.instroom.stayinterviews;
