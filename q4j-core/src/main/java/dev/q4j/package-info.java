/**
 * The exceptions every q4j module shares: {@link dev.q4j.Q4jException}, the root of all of them,
 * {@link dev.q4j.QProtocolException} for bytes that are not valid kdb+ IPC (with the offset where they went wrong),
 * its subclass {@link dev.q4j.QLimitException} for a message larger or deeper than a configured limit allows, and
 * {@link dev.q4j.QErrorException} for an error q itself returned ({@code 'type}, {@code 'length}, ...).
 *
 * <p>Depends on nothing but {@code java.base}; every other package may depend on it.
 */
package dev.q4j;
