/** The route rules' file, and the store of route finder sessions and usage counts. */
package nl.instroom.careeradvice.routes.persistence;
