/** The desk's monthly counters and the school year a yearly report covers. */
package nl.instroom.careeradvice.figures.domain;
