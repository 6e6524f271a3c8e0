/**
 * The performance harness: one run ({@link nl.instroom.bench.BenchRun}) starts the whole local stack, measures the
 * raw broker and store as baselines, the event pipeline need-mapping → tutoring under a rising open-loop load and
 * the REST endpoints, each with tracing sampled and not, and writes the figures into {@code docs/performance.md}.
 * Not part of the test suite; only the pure parts (percentiles, parsing) have unit tests.
 */
package nl.instroom.bench;
