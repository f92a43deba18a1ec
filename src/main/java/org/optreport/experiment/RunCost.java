package org.optreport.experiment;

import java.util.List;
import java.util.Optional;

/**
 * What a run will need, estimated from its parameters before it starts ({@link Experiment#cost}): the peak heap,
 * the time, and for each the largest contribution in words, so a refusal can say what to change. The estimates err
 * on the large side, within a factor of a few; {@link RunLimits} compares them with the machine's limits.
 *
 * @param heapBytes       peak heap the run needs, bytes
 * @param seconds         wall-clock time on one core
 * @param heapTerm        the largest contribution to {@code heapBytes}
 * @param timeTerm        the largest contribution to {@code seconds}
 * @param unrepresentable a matrix or array the run would need with more entries than Java or EJML can index, if any:
 *                        such a run cannot start whatever the heap
 */
public record RunCost(long heapBytes, double seconds, Term heapTerm, Term timeTerm, Optional<Term> unrepresentable) {

    /**
     * One contribution to a cost.
     *
     * @param description what it is, with the parameter values that size it, e.g. "the Lanczos basis, 58 vectors of
     *                    the 62,011,010 parameters (depth=64, width=1000)"
     * @param keys        the parameter keys that size it (what a user can lower)
     * @param amount      bytes or seconds, as the cost it belongs to
     */
    public record Term(String description, List<String> keys, double amount) {
        public Term {
            keys = List.copyOf(keys);
        }
    }

    private static final Term NOTHING = new Term("not estimated", List.of(), 0);

    /** "about 46 minutes and 1.2 GiB of heap": the estimate in words, for the log before a long run. */
    public String summary() {
        return "about " + RunLimits.duration(seconds) + " and " + RunLimits.bytes(heapBytes) + " of heap";
    }

    /** For experiments that do not estimate their cost (test doubles): no limit applies. */
    public static final RunCost NOT_ESTIMATED = new RunCost(0, 0, NOTHING, NOTHING, Optional.empty());
}
