package org.optreport.report.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Independent replicates of one measurement (a benchmark's fork means): their mean and Student-t bounds. One-sided
 * 95% bounds are what a verdict needs ("the time is below the target" at 95%); with fewer than two replicates there
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

    /** t_{q, n-1} s / sqrt(n): the distance of a bound at quantile q from the mean; NaN for one replicate. */
    private double margin(double quantile) {
        int n = values.length;
        if (n < 2) return Double.NaN;
        return new TDistribution(n - 1).inverseCumulativeProbability(quantile) * standardDeviation() / Math.sqrt(n);
    }

    /** The one-sided 95% upper bound of the mean. */
    public double upper95() { return mean() + margin(0.95); }

    /** The one-sided 95% lower bound of the mean. */
    public double lower95() { return mean() - margin(0.95); }

    /** Half the width of the two-sided 95% interval (the error bars). */
    public double halfWidth95() { return margin(0.975); }
}
