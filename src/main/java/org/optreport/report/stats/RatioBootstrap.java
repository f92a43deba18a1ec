package org.optreport.report.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A percentile bootstrap of the ratio of two means (a speed-up, a time against a yardstick's): both samples are
 * resampled independently, so the uncertainty of each is carried into the ratio. Seeded, so that a page built twice
 * from the same measurements quotes the same interval. With very few replicates (3 forks) the percentile interval
 * is narrower than the truth; it is still far better than comparing point estimates.
 */
public final class RatioBootstrap {
    static final int RESAMPLES = 4000;

    private RatioBootstrap() {}

    /** The ratio of the means and its 5% and 95% quantiles (so each end is a one-sided 95% bound); NaN ends with fewer than two replicates on either side. */
    public record Interval(double estimate, double lower, double upper) {}

    public static Interval of(Replicates numerator, Replicates denominator, long seed) {
        double estimate = numerator.mean() / denominator.mean();
        if (numerator.count() < 2 || denominator.count() < 2) return new Interval(estimate, Double.NaN, Double.NaN);
        double[] a = numerator.values(), b = denominator.values();
        SplittableRandom random = new SplittableRandom(seed);
        double[] ratios = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) ratios[r] = resampledMean(a, random) / resampledMean(b, random);
        Arrays.sort(ratios);
        return new Interval(estimate, ratios[(int) (0.05 * (RESAMPLES - 1))], ratios[(int) Math.ceil(0.95 * (RESAMPLES - 1))]);
    }

    private static double resampledMean(double[] x, SplittableRandom random) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += x[random.nextInt(x.length)];
        return s / x.length;
    }
}
