/** The route finder's HTTP API, open to anyone. */
package nl.instroom.careeradvice.routes.web;
