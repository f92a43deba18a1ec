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
     * The minimal count of one step, the one its rate is judged on: the pre-activations Z = X W^T once (2 n m d), the
     * outputs from them (ReLU times the output weight, summed: 2 n m), each pair's masked residual coefficient (n m),
     * the gradient's accumulation G = C^T X counted densely (2 n m d: the mask zeroes about half of it) and the update
     * (3 m d: the gradient scaled, times eta, subtracted). The residual's n subtractions are left out, as the kernel's
     * own count leaves them: O(n) beside O(n m).
     */
    public static double flops(int width, int samples, int dimension) {
        double nm = (double) samples * width;
        return nm * (4.0 * dimension + 3) + 3.0 * width * dimension;
    }

    /**
     * The flops the kernel executes: the minimal count plus the pre-activations computed a second time (2 n m d). Its
     * gradient pass forms them at the current weights (n m (2d + 1 + 2d) with the residual and the accumulation), the
     * update 3 m d, then the next step's outputs form them again at the new weights (n m (2d + 2)), because keeping the
     * n x m activation pattern between the passes was slower (see TwoLayerReluNetwork).
     */
    public static double executedFlops(int width, int samples, int dimension) {
        double nm = (double) samples * width;
        return nm * (6.0 * dimension + 3) + 3.0 * width * dimension;
    }

    /** Compulsory traffic: the inputs and targets read, the first layer read and written, the output weights read. */
    public static double bytes(int width, int samples, int dimension) {
        return 8.0 * (samples * (dimension + 1.0) + 2.0 * width * dimension + width);
    }
}
