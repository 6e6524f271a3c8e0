/** The consumers of need-mapping's school and need topics. */
package nl.instroom.careeradvice.need.messaging;
