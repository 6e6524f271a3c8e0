package nl.instroom.events.needmap;

import java.math.BigDecimal;

/** The need for one subject at one school: its index (0–100 within the region) and the open FTE behind it. */
public record SubjectNeed(String subject, double index, BigDecimal openFte) {
}
