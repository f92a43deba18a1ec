package org.optreport.report.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A mean of independent replicates as a ratio interval needs it: the mean, the replicates' sample standard deviation
 * and their count. It comes from the replicates themselves ({@link Replicates#estimate()}) or, for a measurement
 * recorded only as a mean with a symmetric Student-t interval over {@code count} replicates, from that interval
 * ({@link #fromInterval}).
 */
public record MeanEstimate(double mean, double standardDeviation, int count) {
    /** The standard error of the mean relative to the mean, s / (mean sqrt(n)): the delta method's standard error of log(mean). */
    public double relativeStandardError() { return standardDeviation / (mean * Math.sqrt(count)); }

    /**
     * The estimate behind a two-sided interval [low, high] at {@code confidence} (0.95 for 95%) that was computed as
     * mean ± t_{(1+confidence)/2, n-1} s / sqrt(n): s = (high - low) / 2 · sqrt(n) / t. NaN standard deviation where
     * there is no interval (NaN ends) or one replicate.
     */
    public static MeanEstimate fromInterval(double mean, double low, double high, int count, double confidence) {
        if (count < 2 || Double.isNaN(low) || Double.isNaN(high)) return new MeanEstimate(mean, Double.NaN, count);
        double t = new TDistribution(count - 1).inverseCumulativeProbability((1 + confidence) / 2);
        return new MeanEstimate(mean, (high - low) / 2 * Math.sqrt(count) / t, count);
    }
}
