/**
 * The staff member aggregate: an employee under the school's pseudonymous reference, with the stay interviews
 * (stay-gesprekken) held with them, the risk band of each by the documented rule ({@link
 * nl.instroom.stayinterviews.staff.domain.RiskRule}), growth ambitions and agreed follow-up actions. The events it
 * registers name a school, a date and a band — a person only when they agreed to share a growth ambition. Plain Java.
 */
package nl.instroom.stayinterviews.staff.domain;
