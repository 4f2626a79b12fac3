/**
 * Record a kdb+ session once, replay it forever after: {@link dev.q4j.testkit.replay.RecordingProxy} sits between
 * clients and a real kdb+ and writes a {@link dev.q4j.testkit.replay.Session} file (human readable, diffable, the
 * exact bytes as hex: {@code docs/testkit-sessions.md}); {@link dev.q4j.testkit.replay.ReplayServer} serves it byte
 * for byte, in strict order or matching each request, and reports what the application sends that was not recorded
 * as a {@link dev.q4j.testkit.replay.Mismatch}, a readable diff.
 *
 * <pre>{@code
 * try (RecordingProxy proxy = RecordingProxy.start(0, "localhost", 5000, file)) { ... run the application ... }
 * try (ReplayServer replay = ReplayServer.start(file)) { ... run it again ...; replay.assertNoMismatch(); }
 * }</pre>
 */
package dev.q4j.testkit.replay;
