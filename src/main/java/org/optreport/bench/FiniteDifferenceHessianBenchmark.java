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
import org.optreport.model.DeepLinearNetwork;
import org.optreport.model.SquaredLoss;
/** The baseline: the Hessian by central differences of the analytic gradient, 2p gradients. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FiniteDifferenceHessianBenchmark {
    /** Widths d0..dN joined by 'x' (see {@link DlnShape}); every thorough size, the quick setting overrides. */
    @Param({"10x27x1", "10x100x1", "10x270x1", "10x13x13x1", "10x20x20x1", "10x30x30x1", "10x50x50x1", "10x70x70x1", "10x100x100x1", "10x10x10x10x1", "10x20x20x20x1", "10x33x33x33x1"})
    public String shape;
    private DeepLinearNetwork network;
    private SquaredLoss loss;
    private FiniteDifferenceHessian differences;

    @Setup(Level.Trial)
    public void setUp() {
        DlnShape s = DlnShape.parse(shape);
        network = s.network();
        loss = s.loss();
        differences = new FiniteDifferenceHessian(network);
    }

    @Benchmark
    public void run(Blackhole blackhole) {
        blackhole.consume(differences.compute(loss, 1e-5));
    }

    /** 2p gradients and the difference quotients; see {@link DlnFlops#finiteDifferenceHessian}. */
    public static double flops(DlnShape shape) {
        return DlnFlops.finiteDifferenceHessian(shape);
    }
}
