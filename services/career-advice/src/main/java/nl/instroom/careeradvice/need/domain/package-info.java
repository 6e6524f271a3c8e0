/** Schools and their measured need, from need-mapping's events, and where the need is greatest near a PC4. */
package nl.instroom.careeradvice.need.domain;
