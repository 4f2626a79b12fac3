package dev.q4j.fuzz;

import dev.q4j.value.QValue;

/**
 * The causes of findings that are being fixed on other branches (issue 13 §1). While fuzzing (fuzz/run, and the
 * brief pass of .ci/run) a finding of one of these causes is let through, so that the fuzzer goes on looking for
 * others instead of stopping at the first deep value, and the build is not red for what another change fixes. In a
 * regression run (the normal build, {@link KnownOpenFindingsTest}) nothing is let through.
 *
 * <p>Once a fix is merged, set its constant to false (and move its inputs out of {@code known-open}, see
 * {@link KnownOpenFindingsTest}); when both are false this class can go.
 */
final class KnownOpen {
    /**
     * Depth recomputed at every level: QDerivedFunction, QProjection, QComposition, QDict and QKeyedTable compute
     * their depth again on each construction, so a deep chain of them costs allocation (and time) quadratic in its
     * length. Let through: a cost over the budget for a value at least {@value #DEEP} levels deep.
     */
    static final boolean DEPTH_RECOMPUTED = true;

    /**
     * Wrong exception at the depth limit: with limits that allow depth 1000, a chain of derived functions 1000 deep
     * throws the value constructors' IllegalArgumentException, not QProtocolException. Let through: that exception.
     */
    static final boolean ILLEGAL_ARGUMENT_AT_DEPTH_LIMIT = true;

    /** how deep a value must be for its cost to be put down to the depth recomputation */
    static final int DEEP = 32;

    private KnownOpen() {
    }

    /**
     * @param result what the work over the budget gave: a value, a decoded message's outcome, or anything else
     * @return true when fuzzing and the cost is that of the depth recomputation
     */
    static boolean costOfDepthRecomputation(Object result) {
        if (!DEPTH_RECOMPUTED || !Budget.fuzzing()) {
            return false;
        }
        QValue v = result instanceof QValue q ? q
                : result instanceof DecoderFuzzTest.Outcome o && o.message != null ? o.message.value() : null;
        return v != null && v.depth() >= DEEP;
    }

    /**
     * @param text q text
     * @return true when fuzzing and the text may build a chain of derived functions or projections
     *     {@value #DEEP} deep (it holds that many iterator and bracket characters), which the parser does even when
     *     the text turns out not to parse in the end: its cost is then that of the depth recomputation
     */
    static boolean textMayBuildDeepChains(String text) {
        if (!DEPTH_RECOMPUTED || !Budget.fuzzing()) {
            return false;
        }
        long n = text.chars().filter(c -> c == '\\' || c == '/' || c == '\'' || c == '[').count();
        return n >= DEEP;
    }

    /**
     * @param e an exception a decoder or the q text parser threw
     * @return true when fuzzing and it is the value constructors' refusal of depth 1001
     */
    static boolean illegalArgumentAtDepthLimit(RuntimeException e) {
        return ILLEGAL_ARGUMENT_AT_DEPTH_LIMIT && Budget.fuzzing() && e instanceof IllegalArgumentException
                && String.valueOf(e.getMessage()).contains("levels deep; q4j values nest at most");
    }
}
