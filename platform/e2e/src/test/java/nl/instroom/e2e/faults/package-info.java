/**
 * Faults injected into the running local stack — the broker killed, a service killed with SIGKILL mid-consumption,
 * a store stopped, duplicated and garbage records written with kcat — each followed by the proof that nothing was
 * lost, nothing applied twice, and the system converged. Run by the {@code faults} profile, not by the normal test
 * run; the counts go to {@code target/faults-report.md} and {@code docs/reliability.md}.
 */
package nl.instroom.e2e.faults;
