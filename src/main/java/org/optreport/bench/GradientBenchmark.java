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
/** One gradient of the deep linear network on the squared loss (forward products and backward pass), into a reused vector. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GradientBenchmark {
    /** Widths d0..dN joined by 'x' (see {@link DlnShape}); every thorough size, the quick setting overrides. */
    @Param({"10x10x1", "10x27x1", "10x300x1", "10x3000x1", "10x9091x1", "10x10x10x1", "10x13x13x1", "10x30x30x1", "10x50x50x1", "10x100x100x1", "10x160x160x1", "10x310x310x1", "10x550x550x1", "10x1000x1000x1", "10x10x10x10x1", "10x40x40x40x1", "10x100x100x100x1", "10x220x220x220x1"})
    public String shape;
    private DeepLinearNetwork network;
    private SquaredLoss loss;
    private double[] gradient;

    @Setup(Level.Trial)
    public void setUp() {
        DlnShape s = DlnShape.parse(shape);
        network = s.network();
        loss = s.loss();
        gradient = new double[network.parameterCount()];
    }

    @Benchmark
    public void run(Blackhole blackhole) {
        network.gradient(loss, gradient);
        blackhole.consume(gradient);
    }

    /** Per layer: prefix, suffix, G times prefix and the layer's gradient product, plus G itself; see {@link DlnFlops#gradient}. */
    public static double flops(DlnShape shape) {
        return DlnFlops.gradient(shape);
    }
}
