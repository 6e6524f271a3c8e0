/**
 * What every page shares: the start page per role, the language choice (Dutch by default, English on request),
 * the signed-in person in every model, and a service's refusal shown as a readable message instead of a stack trace.
 */
package nl.instroom.portal.web;
