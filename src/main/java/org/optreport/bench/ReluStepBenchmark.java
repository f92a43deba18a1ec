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
 * dimension 10, at widths 10^2 .. 10^5. The step size is zero: the step does all its work (the update w -= eta g
 * included, eta being a field the compiler cannot fold) while every call starts from the same weights, so each call
 * measures the same computation at the initialization where the experiments run.
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

    @Setup(Level.Trial)
    public void setUp() {
        data = new ReluFixture(SAMPLES);
        network = TwoLayerReluNetwork.create(width, ReluFixture.DIMENSION, 1);
    }

    @Benchmark
    public void run(Blackhole blackhole) {
        blackhole.consume(network.gdStep(data.x, data.y, stepSize));
    }

    /**
     * Outputs: n m (2d + 2) (pre-activations, ReLU times sign, sum); gradient pass: n m (2d + 1 + 2d) (pre-activations
     * again, the masked residual, the accumulation counted densely: the mask zeroes about half of it); the update 3 m d.
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
