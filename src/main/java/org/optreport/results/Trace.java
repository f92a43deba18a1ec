package org.optreport.results;

/**
 * A scalar seen at every step, reduced by the rule {@code m4-log} (docs/results-format.md): the kept points in step
 * order, and the exact extremes over every step with the first step reaching each (-1 and NaN when none is finite).
 */
public record Trace(int[] step, double[] value, double min, int minStep, double max, int maxStep) {}
