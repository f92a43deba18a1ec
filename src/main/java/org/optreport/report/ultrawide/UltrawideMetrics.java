package org.optreport.report.ultrawide;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.optreport.report.ultrawide.UltrawideStudy.WidthRuns;
import org.optreport.results.UltrawideResult.NetworkRun;

/** What one ultrawide run measured (read from its result) and the statistics over seeds that the page quotes. */
final class UltrawideMetrics {
    private UltrawideMetrics() {}

    /** A number read off one run; statistics over runs (Median) take it as a ToDoubleFunction. */
    @FunctionalInterface
    interface Metric extends ToDoubleFunction<NetworkRun> {
        double of(NetworkRun run);

        @Override default double applyAsDouble(NetworkRun run) { return of(run); }
    }

    static double minOver(List<WidthRuns> widths, Metric metric) {
        return widths.stream().flatMap(w -> w.runs().stream()).mapToDouble(metric::of).min().orElse(Double.NaN);
    }

    /** The value at the first recorded step (step 0). */
    static double initial(double[] recorded) { return recorded[0]; }

    /** The value at the last recorded step (the last step, or a diverged run's last finite one). */
    static double last(double[] recorded) { return recorded[recorded.length - 1]; }

    /** By what factor the value fell from the first recorded step to the last. */
    static double fall(double[] recorded) { return initial(recorded) / last(recorded); }

    /** The largest network-kernel distance over every step of the run (from its trace, not from the records). */
    static double largestDistance(NetworkRun run) { return run.trace().distance().max(); }

    /** The first step at which {@link #largestDistance} is reached. */
    static int largestDistanceStep(NetworkRun run) { return run.trace().distance().maxStep(); }

    /** The distance at the last step as a fraction of the largest: how far the gap has shrunk again by the end. */
    static double finalDistanceShare(NetworkRun run) { return last(run.series().distance()) / largestDistance(run); }

    /** The network's loss at the last step over the kernel dynamics' loss. */
    static double finalLossRatio(NetworkRun run) { return last(run.series().networkLoss()) / last(run.series().kernelLoss()); }

    static double finalMovement(NetworkRun run) { return last(run.series().maxWeightMovement()); }

    static double finalFlips(NetworkRun run) { return last(run.series().activationFlipFraction()); }

    static double finalMedianMovement(NetworkRun run) { return last(run.series().medianWeightMovement()); }

    static double finalRmsMovement(NetworkRun run) { return last(run.series().rmsWeightMovement()); }

    static double finalRelativeMovement(NetworkRun run) { return last(run.series().relativeWeightMovement()); }

    /** The largest initialization error ||u_H(0)(k) - u_H*(k)|| over every step (the two kernel dynamics' distance). */
    static double largestInitializationGap(NetworkRun run) { return run.trace().initializationGap().max(); }

    /** The largest ||u_net(k) - u_H(0)(k)|| over every step: what the kernel's drift and the flips within steps add. */
    static double largestDriftGap(NetworkRun run) { return run.trace().driftGap().max(); }

    /** The flip term of the first step against the step's kernel part, ||I_2|| / ||eta H(0) (u(0) - y)||. */
    static double firstStepFlipShare(NetworkRun run) {
        return run.stepFlips().flipTermNorm()[0] / run.stepFlips().linearTermNorm()[0];
    }

    /** The largest flip term, relative to its step's kernel part, over the recorded steps. */
    static double largestFlipShare(NetworkRun run) {
        double largest = 0;
        for (int k = 0; k < run.stepFlips().step().length; k++)
            largest = Math.max(largest, run.stepFlips().flipTermNorm()[k] / run.stepFlips().linearTermNorm()[k]);
        return largest;
    }

    /** The fraction of (sample, neuron) pairs that flip within the first step. */
    static double firstStepFlipFraction(NetworkRun run) { return run.stepFlips().flipFraction()[0]; }

    static double cpuSeconds(NetworkRun run) { return run.timings().cpuSeconds(); }


    /** The share of runs whose largest distance is reached in the last tenth of training. */
    static double fractionPeakingLate(List<WidthRuns> widths, int steps) {
        long all = 0, late = 0;
        for (WidthRuns w : widths)
            for (NetworkRun run : w.runs()) {
                all++;
                if (largestDistanceStep(run) >= 0.9 * steps) late++;
            }
        return (double) late / all;
    }

    static double[] column(double[][] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < out.length; i++) out[i] = rows[i][0];
        return out;
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }

    /** Steps as chart coordinates. */
    static double[] steps(int[] steps) {
        double[] out = new double[steps.length];
        for (int i = 0; i < out.length; i++) out[i] = steps[i];
        return out;
    }
}
