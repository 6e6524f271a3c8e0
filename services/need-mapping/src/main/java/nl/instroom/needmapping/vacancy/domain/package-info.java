/** The vacancy aggregate and its rules. Plain Java: no Spring, MongoDB or Kafka types. */
package nl.instroom.needmapping.vacancy.domain;
