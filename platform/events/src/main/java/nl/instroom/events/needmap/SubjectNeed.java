package nl.instroom.events.needmap;

import java.math.BigDecimal;

/**
 * The need for one subject at one school: the open FTE weighted by how long and how urgently it is open (the
 * subject's score, comparable between schools) and the open FTE behind it.
 */
public record SubjectNeed(String subject, double weightedOpenFte, BigDecimal openFte) {
}
