/** The HTTP API of school HR for its staff references and their stay interviews, and the interview form. */
package nl.instroom.stayinterviews.staff.web;
