package org.optreport.report.performance;

/**
 * One measured size (docs/results-format.md, benchmarks/v4): {@code size} is the x coordinate (parameters, width or
 * n), {@code label} the size as tables write it, {@code parameters} the trained parameters (NaN where there are none),
 * {@code depth} the network depth (0 where there is none), {@code flops} and {@code bytes} the operations and the
 * compulsory memory traffic of one call (NaN if not counted), {@code items} what one call handles where its cost is
 * not arithmetic (pairs of samples for H*; NaN otherwise) and {@code item} their name. {@code flops} is the minimal
 * count rates are judged on; {@code executedFlops} what the kernel's code performs where it does more (NaN otherwise).
 */
record Point(double size, String label, double parameters, int depth, double flops, double bytes, double items, String item,
             double executedFlops) {
    /** A kernel that performs its minimal count. */
    Point(double size, String label, double parameters, int depth, double flops, double bytes, double items, String item) {
        this(size, label, parameters, depth, flops, bytes, items, item, Double.NaN);
    }
}
