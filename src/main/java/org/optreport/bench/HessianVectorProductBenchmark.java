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
/** One exact Hessian-vector product (the directional derivative of the gradient) without forming the Hessian. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HessianVectorProductBenchmark {
    /** Widths d0..dN joined by 'x' (see {@link DlnShape}); every thorough size, the quick setting overrides. */
    @Param({"10x10x1", "10x27x1", "10x300x1", "10x3000x1", "10x9091x1", "10x10x10x1", "10x13x13x1", "10x30x30x1", "10x50x50x1", "10x100x100x1", "10x160x160x1", "10x310x310x1", "10x550x550x1", "10x1000x1000x1", "10x10x10x10x1", "10x40x40x40x1", "10x100x100x100x1", "10x220x220x220x1"})
    public String shape;
    private DeepLinearNetwork network;
    private SquaredLoss loss;
    private double[] direction, product;

    @Setup(Level.Trial)
    public void setUp() {
        DlnShape s = DlnShape.parse(shape);
        network = s.network();
        loss = s.loss();
        direction = new double[network.parameterCount()];
        java.util.Random random = new java.util.Random(2);
        for (int i = 0; i < direction.length; i++) direction[i] = random.nextGaussian();
        product = new double[direction.length];
    }

    @Benchmark
    public void run(Blackhole blackhole) {
        network.hessianVectorProduct(loss, direction, product);
        blackhole.consume(product);
    }

    /** Products, directional derivatives of prefixes and suffixes, four products per layer; see {@link DlnFlops#hessianVectorProduct}. */
    public static double flops(DlnShape shape) {
        return DlnFlops.hessianVectorProduct(shape);
    }
}
