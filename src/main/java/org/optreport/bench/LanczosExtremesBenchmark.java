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
import org.optreport.linalg.Lanczos;
import org.optreport.linalg.LanczosResult;
import org.optreport.linalg.DenseEigen;
import org.optreport.linalg.SpectrumExtremes;
import org.optreport.model.HessianExtremes;
/** Both extreme Hessian eigenvalues by thick-restart Lanczos on Hessian-vector products (the path {@link DeepLinearNetwork#hessianExtremes} takes above its dense limit), at any size. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LanczosExtremesBenchmark {
    /** Widths d0..dN joined by 'x' (see {@link DlnShape}); every thorough size, the quick setting overrides. */
    @Param({"10x27x1", "10x100x1", "10x3000x1", "10x9091x1", "10x13x13x1", "10x20x20x1", "10x30x30x1", "10x100x100x1", "10x310x310x1", "10x10x10x10x1", "10x20x20x20x1", "10x100x100x100x1", "10x220x220x220x1"})
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
        blackhole.consume(Lanczos.extremes(network.hessianOperator(loss), HessianExtremes.DEFAULT_LANCZOS_SEED));
    }

    /**
     * Not known in advance (the number of Hessian-vector products and of re-orthogonalisation passes depends on the
     * spectrum): counted in the untimed run of {@link #counters}, see {@link SpectralFlops#lanczosExtremes}.
     */
    public static double flops(DlnShape shape) {
        return SpectralFlops.lanczosExtremes(shape, counters(shape));
    }

    /**
     * The run the benchmark times, once, for its counters (the benchmark itself hands the result to the blackhole):
     * Lanczos is deterministic for a seed, so the operator applications and the convergence are those of every timed call.
     */
    public static LanczosResult counters(DlnShape shape) {
        return Lanczos.extremes(shape.network().hessianOperator(shape.loss()), HessianExtremes.DEFAULT_LANCZOS_SEED);
    }

    /** Where Lanczos is checked against the dense path: below the dense limit, and a dense solve of about a second. */
    public static final DlnShape CHECK_SHAPE = DlnShape.parse("10x30x30x1");

    /** Lanczos's extremes against the dense path's: the larger end's difference over the dense spectral radius. */
    public record DenseCheck(DlnShape shape, double relativeDifference, double tolerance) {}

    /**
     * The run the benchmark times, once, against the dense path's (assembly and a full symmetric eigen-decomposition,
     * {@link DenseExtremesBenchmark}) on the same Hessian: untimed, deterministic for the seed.
     */
    public static DenseCheck againstDense(DlnShape shape) {
        SpectrumExtremes lanczos = counters(shape).extremes();
        SpectrumExtremes dense = DenseEigen.extremes(shape.network().hessian(shape.loss()));
        double difference = Math.max(Math.abs(lanczos.min() - dense.min()), Math.abs(lanczos.max() - dense.max()));
        return new DenseCheck(shape, difference / dense.spectralRadius(), Lanczos.DEFAULT_TOLERANCE);
    }
}
