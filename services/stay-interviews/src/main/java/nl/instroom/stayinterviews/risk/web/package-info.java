/** The HTTP API of a school's retention overview, for its HR. */
package nl.instroom.stayinterviews.risk.web;
