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
/** The full analytic Hessian of the deep linear network (a fresh p x p matrix). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HessianBenchmark {
    /** Widths d0..dN joined by 'x' (see {@link DlnShape}); every thorough size, the quick setting overrides. */
    @Param({"10x27x1", "10x100x1", "10x270x1", "10x13x13x1", "10x20x20x1", "10x30x30x1", "10x50x50x1", "10x70x70x1", "10x100x100x1", "10x10x10x10x1", "10x20x20x20x1", "10x33x33x33x1"})
    public String shape;
    private DeepLinearNetwork network;
    private SquaredLoss loss;

    @Setup(Level.Trial)
    public void setUp() {
        DlnShape s = DlnShape.parse(shape);
        network = s.network();
        loss = s.loss();
    }

    @Benchmark
    public void run(Blackhole blackhole) {
        blackhole.consume(network.hessian(loss));
    }

    /** Gram products and the fill of every upper block (about 4 p^2 for p parameters); see {@link DlnFlops#hessian}. */
    public static double flops(DlnShape shape) {
        return DlnFlops.hessian(shape);
    }
}
