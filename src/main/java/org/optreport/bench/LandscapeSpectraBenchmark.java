package org.optreport.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.optreport.model.DeepLinearNetwork;
import org.optreport.model.HessianExtremes;
import org.optreport.model.SquaredLoss;

/**
 * Issue 18's landscape configuration, spectral records included: gradient descent on the standardized diabetes data
 * from N(0, 0.05^2) weights, hidden width 10, 2,000 steps at eta = 0.05, with both extreme Hessian eigenvalues
 * ({@link DeepLinearNetwork#hessianExtremes}, the landscape experiment's call) at 101 steps: 0, 20, ..., 2,000. One call
 * is one depth's whole run; the target is the sum over depths 2, 3 and 4.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LandscapeSpectraBenchmark {
    public static final int STEPS = 2000;
    /** Records every RECORD_EVERY steps from step 0 to STEPS: 101 records. */
    public static final int RECORD_EVERY = 20;
    public static final double LEARNING_RATE = 0.05, INIT_SCALE = 0.05;
    public static final long SEED = 1;

    /** Network depth N; the quick setting measures every one. */
    @Param({"2", "3", "4"})
    public int depth;
    /** Hidden width: the issue's. */
    @Param({"10"})
    public int width;
    private DlnShape shape;
    private SquaredLoss loss;

    @Setup(Level.Trial)
    public void setUp() {
        shape = shape(depth, width);
        loss = shape.loss();
    }

    @Benchmark
    public void run(Blackhole blackhole) {
        blackhole.consume(extremes(shape, loss));
    }

    /** The network's widths: the diabetes data's 10 inputs, depth - 1 hidden layers of this width, one output. */
    public static DlnShape shape(int depth, int width) {
        int[] widths = new int[depth + 1];
        Arrays.fill(widths, width);
        widths[0] = 10;
        widths[depth] = 1;
        return new DlnShape(widths);
    }

    /** Spectral records of one run. */
    public static int records() {
        return STEPS / RECORD_EVERY + 1;
    }

    /** The run: lambda_min and lambda_max at every record, interleaved. */
    public static double[] extremes(DlnShape shape, SquaredLoss loss) {
        return run(DeepLinearNetwork.gaussian(shape.widths(), INIT_SCALE, SEED), loss, STEPS, RECORD_EVERY);
    }

    /** {@code steps} gradient steps from the network as it is, with both extremes at every {@code recordEvery}-th step from 0 to {@code steps}. */
    public static double[] run(DeepLinearNetwork network, SquaredLoss loss, int steps, int recordEvery) {
        double[] out = new double[2 * (steps / recordEvery + 1)];
        for (int t = 0; t <= steps; t++) {
            if (t % recordEvery == 0) {
                HessianExtremes h = network.hessianExtremes(loss);
                out[2 * (t / recordEvery)] = h.min();
                out[2 * (t / recordEvery) + 1] = h.max();
            }
            if (t < steps) network.gradientStep(loss, LEARNING_RATE);
        }
        return out;
    }

    /** Flops of one call: {@link SpectralFlops#landscapeRun} at this run's steps and records. */
    public static double flops(DlnShape shape) {
        return SpectralFlops.landscapeRun(shape, STEPS, RECORD_EVERY);
    }
}
