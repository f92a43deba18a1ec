package org.optreport.bench;

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
import org.optreport.model.TwoLayerReluNetwork;

/**
 * One full-batch gradient-descent step of the two-layer ReLU network (first layer trained) on 256 samples of
 * dimension 10, at widths 10^2 .. 10^5, exactly as the ultrawide experiment calls it ({@code gdStep} with the outputs
 * before the step copied out). The step size is zero: the step does all its work (the update w -= eta g included, eta
 * being a field the compiler cannot fold, and the outputs at the updated weights, which the network keeps for the next
 * step) while every call starts from the same weights, hence the same activation pattern and the same outputs, so
 * each call measures the same computation at the initialization where the experiments run. The first call, which
 * also computes the initial outputs, is made in the setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReluStepBenchmark {
    static final int SAMPLES = 256;

    @Param({"100", "316", "1000", "3162", "10000", "31623", "100000"})
    public int width;
    private TwoLayerReluNetwork network;
    private ReluFixture data;
    /** Zero, read from a field: see the class comment. */
    private double stepSize = 0;
    private double[] outputsBeforeStep;

    @Setup(Level.Trial)
    public void setUp() {
        data = new ReluFixture(SAMPLES);
        network = TwoLayerReluNetwork.create(width, ReluFixture.DIMENSION, 1);
        outputsBeforeStep = new double[SAMPLES];
        network.gdStep(data.x, data.y, stepSize, outputsBeforeStep);
    }

    @Benchmark
    public void run(Blackhole blackhole) {
        blackhole.consume(network.gdStep(data.x, data.y, stepSize, outputsBeforeStep));
    }

    /**
     * The flops the step executes (the minimal count of a step that stores no activation pattern, plus the kernel's
     * extras): gradient pass n m (2d + 1 + 2d) (pre-activations at the current weights, the masked residual, the
     * accumulation counted densely: the mask zeroes about half of it); the update 3 m d; the next step's outputs
     * n m (2d + 2) (pre-activations at the new weights, ReLU times sign, sum). A step that kept the pattern would need
     * 4 n m d plus the same extras; this one recomputes the pattern (see TwoLayerReluNetwork).
     */
    public static double flops(int width, int samples, int dimension) {
        double nm = (double) samples * width;
        return nm * (6.0 * dimension + 3) + 3.0 * width * dimension;
    }

    /** Compulsory traffic: the inputs and targets read, the first layer read and written, the output weights read. */
    public static double bytes(int width, int samples, int dimension) {
        return 8.0 * (samples * (dimension + 1.0) + 2.0 * width * dimension + width);
    }
}
