package org.optreport.report.performance;

/**
 * One measured size (docs/results-format.md, benchmarks/v2): {@code size} is the x coordinate (parameters, width or
 * n), {@code label} the size as tables write it, {@code parameters} the trained parameters (NaN where there are none),
 * {@code depth} the network depth (0 where there is none), {@code flops} the operations of one call (NaN if unknown).
 */
record Point(double size, String label, double parameters, int depth, double flops) {}
