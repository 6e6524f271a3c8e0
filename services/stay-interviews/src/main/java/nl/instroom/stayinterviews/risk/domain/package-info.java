/**
 * A school's retention risk: the model that turns each employee's latest risk band into an expected departure
 * probability ({@link nl.instroom.stayinterviews.risk.domain.RetentionModel}), and the school risk aggregate that
 * keeps the assessments (for the trend) and registers {@code RetentionRiskAssessed} when the figure changes.
 * Plain Java.
 */
package nl.instroom.stayinterviews.risk.domain;
