/**
 * Instroom's identity server: OAuth 2.1 and OpenID Connect (Spring Security's authorization server). People sign
 * in — a throttled password ({@code signin}), then a second factor ({@code secondfactor}) — and get tokens naming
 * their role and its scope (a region or a school); integrations use client credentials. Signing keys rotate and
 * every key still in use is published on the JWKS endpoint. Erasure requests wait for a second admin
 * ({@code erasure}).
 */
package nl.instroom.identity;
