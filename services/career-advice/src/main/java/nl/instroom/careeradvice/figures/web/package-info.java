/** The figures and the yearly report for advisers, admins and the national viewer. */
package nl.instroom.careeradvice.figures.web;
