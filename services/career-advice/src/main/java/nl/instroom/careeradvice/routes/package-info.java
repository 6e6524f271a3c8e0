/** The anonymous route finder: routes into teaching as versioned data, sessions, usage counts. */
package nl.instroom.careeradvice.routes;
