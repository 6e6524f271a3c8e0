/**
 * Every service is an OAuth 2 resource server: JWTs from Instroom's identity server are checked for signature,
 * issuer, audience and expiry; a token whose role lacks the region or school it needs is refused at the door; each
 * endpoint is open only to the roles its {@link nl.instroom.chassis.security.AccessRules} name, and anything
 * without a rule is denied. Data-level scope (a school, a region; reading and changing) is decided by one rule,
 * {@link nl.instroom.chassis.security.CurrentUser}, which every use case asks.
 */
package nl.instroom.chassis.security;
