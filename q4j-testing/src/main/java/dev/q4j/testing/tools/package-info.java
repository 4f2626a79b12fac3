/**
 * What tests run outside the JVM, shared: {@link dev.q4j.testing.tools.Processes} runs a command to its end within a
 * time, {@link dev.q4j.testing.tools.SelfSignedCertificate} makes a TLS certificate with the JDK's keytool, and
 * {@link dev.q4j.testing.tools.NodeProject} installs an interoperability project's Node.js packages. The JDK only.
 */
package dev.q4j.testing.tools;
