package org.optreport.report.stats;

import java.util.Arrays;
import java.util.List;

/**
 * Independent replicates of one measurement (a benchmark's fork means): their mean and its Student-t bounds on the
 * log scale, where a positive quantity's interval cannot reach below zero. One-sided 95% bounds are what a verdict needs ("the time is below the target" at 95%); with fewer than two replicates there
 * is no bound (NaN), and a verdict from them is inconclusive.
 */
public record Replicates(double[] values) {
    public Replicates {
        if (values.length == 0) throw new IllegalArgumentException("no replicates");
        values = values.clone();
    }

    @Override public double[] values() { return values.clone(); }

    public int count() { return values.length; }

    public double mean() { return Arrays.stream(values).average().orElseThrow(); }

    /** The sample standard deviation; NaN for one replicate. */
    public double standardDeviation() {
        int n = values.length;
        if (n < 2) return Double.NaN;
        double m = mean(), s = 0;
        for (double v : values) s += (v - m) * (v - m);
        return Math.sqrt(s / (n - 1));
    }

    /** The mean, standard deviation and count, as a ratio of means ({@link RatioInterval}) takes them. */
    public MeanEstimate estimate() { return new MeanEstimate(mean(), standardDeviation(), count()); }

    /**
     * The two-sided interval of the mean at {@code confidence} (0.90: each end a one-sided 95% bound), on the log scale:
     * exp(log mean ± t_{(1+confidence)/2, n-1} s / (mean sqrt(n))), the delta method of {@link RatioInterval} for a
     * ratio with one mean and no denominator. A time or a rate cannot be negative, and a symmetric interval over three
     * noisy forks can reach below zero; this one stays positive. NaN ends for one replicate.
     */
    public RatioInterval interval(double confidence) {
        // the interval of mean / mean, times the mean: its estimate is the mean to the bit (exp(log mean) need not be)
        double mean = mean();
        RatioInterval relative = RatioInterval.of(1, List.of(new MeanEstimate(1, standardDeviation() / mean, count())), List.of(), confidence);
        return relative.times(mean);
    }

    /** The one-sided 95% upper bound of the mean (log scale, {@link #interval}). */
    public double upper95() { return interval(0.90).upper(); }

    /** The one-sided 95% lower bound of the mean (log scale, {@link #interval}); positive. */
    public double lower95() { return interval(0.90).lower(); }

    /** The two-sided 95% interval of the mean (the tables' interval and the figures' error bars), on the log scale. */
    public RatioInterval interval95() { return interval(0.95); }
}
