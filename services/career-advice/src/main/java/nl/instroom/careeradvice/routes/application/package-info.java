/** The route finder's use cases: anonymous sessions, the routes for their answers, and the usage figures. */
package nl.instroom.careeradvice.routes.application;
