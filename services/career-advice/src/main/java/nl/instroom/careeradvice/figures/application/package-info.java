/** Counting what happens to cases, and reading the figures per period and per school year. */
package nl.instroom.careeradvice.figures.application;
