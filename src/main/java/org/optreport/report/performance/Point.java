package org.optreport.report.performance;

/**
 * One measured size (docs/results-format.md, benchmarks/v3): {@code size} is the x coordinate (parameters, width or
 * n), {@code label} the size as tables write it, {@code parameters} the trained parameters (NaN where there are none),
 * {@code depth} the network depth (0 where there is none), {@code flops} and {@code bytes} the operations and the
 * compulsory memory traffic of one call (NaN if not counted), {@code items} what one call handles where its cost is
 * not arithmetic (pairs of samples for H*; NaN otherwise) and {@code item} their name.
 */
record Point(double size, String label, double parameters, int depth, double flops, double bytes, double items, String item) {}
