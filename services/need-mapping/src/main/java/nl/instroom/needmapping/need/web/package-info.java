/** The HTTP API of the need index: ranking, a school's need and history, the regional summary, lesuitval reports. */
package nl.instroom.needmapping.need.web;
