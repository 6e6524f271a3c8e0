/**
 * Headless Chromium for the portal's browser journeys: the system's {@code chromium} and {@code chromedriver}
 * (Debian packages that {@code .ci/run} installs), a test that skips with a clear message where they are missing,
 * and waits that follow page loads instead of guessing at time; keys pressed as a keyboard would (no mouse); and
 * {@link nl.instroom.testing.browser.Accessibility}, axe-core at WCAG 2.1 AA on one page or on every page a signed-in
 * person can reach by links.
 */
package nl.instroom.testing.browser;
