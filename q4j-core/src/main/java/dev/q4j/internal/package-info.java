/**
 * Helpers shared by the core's packages that are not API: attribute checks ({@code s#}, {@code u#} as kdb+ checks
 * them) used by both the value model and the decoder, and the factory through which the decoder makes symbol vectors
 * without a copy. Not exported from the module.
 *
 * <p>Depends on {@link dev.q4j.value} and {@link dev.q4j} only.
 */
package dev.q4j.internal;
