/** One document of counters per month in {@code desk_figures}. */
package nl.instroom.careeradvice.figures.persistence;
