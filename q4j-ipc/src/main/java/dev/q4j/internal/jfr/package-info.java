/**
 * Not API: the JDK Flight Recorder events of q4j's client and server ({@code dev.q4j.*}), for {@code jfr print
 * --events 'dev.q4j.*' rec.jfr}. The package is not exported: the events are read from a recording, never used as
 * classes.
 *
 * <p>Each event class offers static methods that do nothing, and allocate nothing, unless a recording with the event
 * enabled runs: they ask a shared instance whether the event is enabled (which reads one static field of the
 * instrumented class) before they make an event. Request events are duration events: their duration is the request's
 * latency, so a recording may keep only the slow ones with a threshold ({@code dev.q4j.ClientRequest#threshold=10
 * ms}). Stack traces are not recorded: the committing thread is a reader or a timer, whose stack says nothing.
 * docs/observability.md lists the events and their fields.
 *
 * <p>Depends on {@code jdk.jfr} only: {@link dev.q4j.client} and {@link dev.q4j.server} call it, never the reverse.
 */
package dev.q4j.internal.jfr;
