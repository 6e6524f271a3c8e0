/** Schools and their measured need from need-mapping's events, and the need near a person. */
package nl.instroom.careeradvice.need;
