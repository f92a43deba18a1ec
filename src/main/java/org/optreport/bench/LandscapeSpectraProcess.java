package org.optreport.bench;

import org.optreport.model.SquaredLoss;

/**
 * The landscape target's work as a process of its own: a fresh JVM runs {@link LandscapeSpectraBenchmark}'s
 * configuration at depths 2, 3 and 4, one after another, and exits, so that {@link LandscapeProcessBenchmark} times
 * what a user waits for when the runs start as processes (the JVM's start and class loading included), the way the
 * PyTorch baseline's script is timed.
 */
public final class LandscapeSpectraProcess {
    private LandscapeSpectraProcess() {}

    public static void main(String[] args) {
        double sum = 0;
        for (int depth = 2; depth <= 4; depth++) {
            DlnShape shape = LandscapeSpectraBenchmark.shape(depth, 10);
            SquaredLoss loss = shape.loss();
            for (double v : LandscapeSpectraBenchmark.extremes(shape, loss)) sum += v;
        }
        // the sum is printed so that no part of the work can be skipped as unused
        System.out.println(sum);
    }
}
