/**
 * The {@code q4j} command: a q-console-like REPL ({@code q4j console}), one-shot queries ({@code q4j query}, as q
 * text, CSV, JSON, Arrow or Parquet), message decoding and encoding, a server ({@code q4j serve}) and the demo, built
 * with picocli and JLine. For people and scripts: nothing depends on this package.
 *
 * <p>Depends on every other q4j module.
 */
package dev.q4j.cli;
