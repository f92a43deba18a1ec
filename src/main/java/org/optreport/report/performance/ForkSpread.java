package org.optreport.report.performance;

import org.optreport.report.stats.Median;
import org.optreport.report.stats.Replicates;

/**
 * How much a measurement varies between forks and within them, each relative to its mean: {@code between} is the
 * standard deviation of the fork means over their mean, {@code within} the median over the forks of the standard
 * deviation of a fork's iterations over that fork's mean. Where {@code between} is the larger, a fork's own iterations
 * understate the uncertainty (they share one JVM's compilation, memory layout and neighbours on the machine), which is
 * why the forks, not the iterations, are the replicates. NaN where there are fewer than two forks, or two iterations a fork.
 */
record ForkSpread(double between, double within, int forks) {
    static ForkSpread of(Measurement m) {
        int forks = m.time().count();
        double[] iterations = m.iterations();
        if (forks < 2 || iterations.length < 2 * forks || iterations.length % forks != 0) return new ForkSpread(Double.NaN, Double.NaN, forks);
        Replicates means = m.time();
        int perFork = iterations.length / forks;
        double[] within = new double[forks];
        for (int f = 0; f < forks; f++) {
            double[] own = java.util.Arrays.copyOfRange(iterations, f * perFork, (f + 1) * perFork);
            Replicates fork = new Replicates(own);
            within[f] = fork.standardDeviation() / fork.mean();
        }
        return new ForkSpread(means.standardDeviation() / means.mean(), Median.median(within), forks);
    }
}
