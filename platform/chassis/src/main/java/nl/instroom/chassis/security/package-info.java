/**
 * Every service is an OAuth 2 resource server: JWTs from Instroom's identity server are checked for signature,
 * issuer, audience and expiry; each endpoint is open only to the roles its {@link
 * nl.instroom.chassis.security.AccessRules} name, and anything without a rule is denied. Data-level scope (a
 * school, a region) is the service's to apply, with {@link nl.instroom.chassis.security.CurrentUser}.
 */
package nl.instroom.chassis.security;
