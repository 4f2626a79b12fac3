/**
 * Test servers the modules' tests share: {@link dev.q4j.testing.servers.RawServer} speaks through q4j's own codec,
 * for what a real peer cannot stage; {@link dev.q4j.testing.servers.JavakdbServer} is KX's javakdb, the independent
 * peer. Both serve one connection at a time with the test's script on a daemon thread and rethrow its failures when
 * closed ({@link dev.q4j.testing.servers.ScriptedServer}). Depends on q4j-core and javakdb only, so that q4j-ipc's
 * tests can use it too.
 */
package dev.q4j.testing.servers;
