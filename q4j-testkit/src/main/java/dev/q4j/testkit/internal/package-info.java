/**
 * What the testkit's servers share ({@link dev.q4j.testkit.internal.SocketServer}); not exported: no part of the
 * testkit's API.
 */
package dev.q4j.testkit.internal;
