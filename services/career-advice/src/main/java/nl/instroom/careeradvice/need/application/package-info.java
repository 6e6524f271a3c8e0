/** The need view's use cases: applying need-mapping's events, and the need near a person. */
package nl.instroom.careeradvice.need.application;
