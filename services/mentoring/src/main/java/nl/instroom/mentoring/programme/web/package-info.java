/** HTTP API for programmes and cohorts ({@code /api/programmes}, {@code /api/cohorts}). */
package nl.instroom.mentoring.programme.web;
