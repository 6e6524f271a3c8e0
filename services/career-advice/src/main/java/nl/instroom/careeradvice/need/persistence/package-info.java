/** The store of career-advice's view of schools and their need. */
package nl.instroom.careeradvice.need.persistence;
