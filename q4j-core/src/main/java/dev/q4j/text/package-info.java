/**
 * q's text form of values: {@link dev.q4j.text.QText} prints a value as q writes it and parses q's literal syntax
 * (atoms, vectors, lists, dictionaries, tables, functions) back into values, so that {@code
 * QText.parse(QText.print(v))}
 * gives {@code v} again.
 *
 * <p>Depends on {@link dev.q4j.value}, {@link dev.q4j} and {@link dev.q4j.codec} (a value with no q literal prints as
 * its serialized bytes, as q's {@code -8!} would give them).
 */
package dev.q4j.text;
