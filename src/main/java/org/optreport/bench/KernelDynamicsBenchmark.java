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
import org.optreport.model.KernelDynamics;
import org.optreport.model.NeuralTangentKernel;
import org.optreport.model.TwoLayerReluNetwork;

/**
 * The kernel dynamics in closed form: setting it up (the eigen-decomposition of H*, once per run) and evaluating
 * u_k = y + Q diag((1 - eta lambda)^k) Q^T (u_0 - y) at one step k (once per recorded step).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KernelDynamicsBenchmark {
    @Param({"256", "442", "1024"})
    public int samples;
    private org.ejml.data.DMatrixRMaj kernel;
    private double[] initialOutputs, out;
    private ReluFixture data;
    private KernelDynamics dynamics;

    @Setup(Level.Trial)
    public void setUp() {
        data = new ReluFixture(samples);
        kernel = NeuralTangentKernel.infiniteWidth(data.x);
        initialOutputs = TwoLayerReluNetwork.create(1000, ReluFixture.DIMENSION, 1).outputs(data.x);
        dynamics = new KernelDynamics(kernel, data.y, initialOutputs, 0.1);
        out = new double[samples];
    }

    @Benchmark
    public void setup(Blackhole blackhole) {
        blackhole.consume(new KernelDynamics(kernel, data.y, initialOutputs, 0.1));
    }

    @Benchmark
    public void closedForm(Blackhole blackhole) {
        dynamics.closedForm(1000, out);
        blackhole.consume(out);
    }

    /** Setup: about 9 n^3 for a symmetric eigen-decomposition with vectors, plus Q^T (u_0 - y), 2 n^2. */
    public static double setupFlops(int samples) {
        double n = samples;
        return 9 * n * n * n + 2 * n * n;
    }

    /**
     * Setup's compulsory traffic: H* read and the eigenvectors written (n x n each), the eigenvalues and the three
     * n-vectors of Q^T (u_0 - y); what the eigen-solver moves between its sweeps is not compulsory.
     */
    public static double setupBytes(int samples) {
        double n = samples;
        return 8 * (2 * n * n + 4 * n);
    }

    /** One step k: Q times the decayed projections, 2 n^2 (the n powers counted as none). */
    public static double closedFormFlops(int samples) {
        double n = samples;
        return 2 * n * n + n;
    }

    /** One step reads the n x n eigenvectors (and three n-vectors). */
    public static double closedFormBytes(int samples) {
        double n = samples;
        return 8 * (n * n + 3 * n);
    }
}
