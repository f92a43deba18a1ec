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
import org.ejml.data.DMatrixRMaj;
import org.optreport.linalg.DenseEigen;
/** Both extreme Hessian eigenvalues the dense way: assemble, then a symmetric eigen-decomposition (values only). Sizes up to {@link DeepLinearNetwork#DENSE_EIGEN_LIMIT}. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DenseExtremesBenchmark {
    /** Widths d0..dN joined by 'x' (see {@link DlnShape}); every thorough size, the quick setting overrides. */
    @Param({"10x27x1", "10x100x1", "10x5x5x1", "10x8x8x1", "10x13x13x1", "10x20x20x1", "10x30x30x1", "10x40x40x1", "10x10x10x10x1", "10x20x20x20x1"})
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
        DMatrixRMaj hessian = network.hessian(loss);
        blackhole.consume(DenseEigen.extremes(hessian));
    }

    /** Assembly plus (4/3) p^3 for the tridiagonal reduction; see {@link DlnFlops#denseExtremes}. */
    public static double flops(DlnShape shape) {
        return DlnFlops.denseExtremes(shape);
    }
}
