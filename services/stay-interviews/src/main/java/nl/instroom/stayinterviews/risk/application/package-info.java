/**
 * Use cases on retention risk: reassessing a school after anything that changes its staff or their latest
 * interviews, and HR's overview (expected departures and trend, risk by team, who is due an interview, overdue
 * actions — structure only, no interview text).
 */
package nl.instroom.stayinterviews.risk.application;
