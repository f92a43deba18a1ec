package org.optreport.report.ultrawide;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.optreport.report.stats.LogLogFit;
import org.optreport.report.stats.Median;

/**
 * How much a fitted slope depends on the seeds that happened to be drawn: the slope of the per-width medians is
 * recomputed on resamples that draw, at every width independently, as many seeds as it has with replacement (the
 * widths' networks are independent draws); the interval is the central percentile range of the resampled slopes.
 * Seeded, so the same runs give the same interval.
 */
final class UltrawideBootstrap {
    static final int RESAMPLES = 4000;
    static final long SEED = 20190101L;

    /** The fitted slope and the percentile interval at {@code level} (0.95: from the 2.5th to the 97.5th percentile). */
    record Interval(double slope, double low, double high) {
        boolean contains(double value) { return low <= value && value <= high; }
    }

    private UltrawideBootstrap() {}

    /**
     * @param widths the widths fitted, increasing
     * @param values per width, the metric of each seed's run (positive)
     */
    static Interval slope(double[] widths, List<double[]> values, double level) {
        if (widths.length != values.size()) throw new IllegalArgumentException(widths.length + " widths but " + values.size() + " sets of values");
        double fitted = LogLogFit.of(widths, medians(values)).slope();
        Random random = new Random(SEED);
        double[] slopes = new double[RESAMPLES];
        double[] medians = new double[widths.length];
        for (int b = 0; b < RESAMPLES; b++) {
            for (int w = 0; w < widths.length; w++) {
                double[] seeds = values.get(w), drawn = new double[seeds.length];
                for (int s = 0; s < seeds.length; s++) drawn[s] = seeds[random.nextInt(seeds.length)];
                medians[w] = Median.median(drawn);
            }
            slopes[b] = LogLogFit.of(widths, medians).slope();
        }
        Arrays.sort(slopes);
        double tail = (1 - level) / 2;
        return new Interval(fitted, percentile(slopes, tail), percentile(slopes, 1 - tail));
    }

    private static double[] medians(List<double[]> values) {
        return values.stream().mapToDouble(Median::median).toArray();
    }

    /** Linear interpolation between order statistics (the sorted values at positions 0 .. n - 1). */
    static double percentile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        if (below >= sorted.length - 1) return sorted[sorted.length - 1];
        return sorted[below] + (position - below) * (sorted[below + 1] - sorted[below]);
    }
}
