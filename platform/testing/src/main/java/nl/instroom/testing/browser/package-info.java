/**
 * Headless Chromium for the portal's browser journeys: the system's {@code chromium} and {@code chromedriver}
 * (Debian packages that {@code .ci/run} installs), a test that skips with a clear message where they are missing,
 * and waits that follow page loads instead of guessing at time.
 */
package nl.instroom.testing.browser;
