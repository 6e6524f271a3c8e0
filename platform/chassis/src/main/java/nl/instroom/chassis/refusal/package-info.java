/**
 * The refusals a domain or use case may answer with: {@link nl.instroom.chassis.refusal.InvalidRequest} (400),
 * {@link nl.instroom.chassis.refusal.NotPossibleNow} (409) and not found (404, {@code web.NotFoundException}).
 * Plain Java, so a domain that knows no framework may throw them; {@code web.ProblemResponses} is the one place
 * that turns them into problem documents. Anything else is a fault and answers 500 without internal text.
 */
package nl.instroom.chassis.refusal;
