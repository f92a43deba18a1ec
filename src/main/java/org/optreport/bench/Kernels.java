package org.optreport.bench;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.optreport.linalg.LanczosResult;

/**
 * What each benchmark measures, for the analysis: a short key and title, the size on the charts' x axis
 * (parameter count, or n for the matrix product) and the benchmark's flop count at those parameters.
 */
public final class Kernels {
    /** One benchmark method (JMH's full name): its key in tables and values, a title, how its parameters become a {@link Point}. */
    public record Kernel(String key, String title, String benchmark, Function<Map<String, String>, Point> point) {}

    /**
     * One measured size: {@code size} is the x coordinate (parameters, width, or n), {@code label} the size as written
     * in tables, {@code parameters} the trained parameters (NaN where there are none), {@code depth} the network depth
     * (0 where there is none), {@code flops} and {@code bytes} (compulsory memory traffic) of one call, NaN when not
     * counted; {@code items} and {@code item} what one call handles where its cost is not arithmetic (NaN, null otherwise).
     * {@code flops} is the algorithm's minimal count, the one rates are judged on; {@code executedFlops} what the code
     * performs where it does more (NaN where it performs {@code flops}).
     */
    public record Point(double size, String label, double parameters, int depth, double flops, double bytes, double items, String item,
                        double executedFlops) {
        Point(double size, String label, double parameters, int depth, double flops, double bytes, double items, String item) {
            this(size, label, parameters, depth, flops, bytes, items, item, Double.NaN);
        }

        Point(double size, String label, double parameters, int depth, double flops, double bytes) {
            this(size, label, parameters, depth, flops, bytes, Double.NaN, null);
        }
    }

    public static final List<Kernel> ALL = List.of(
            new Kernel("matmul", "Matrix product (EJML)", run(MatrixProductBenchmark.class), p -> {
                int n = Integer.parseInt(p.get("n"));
                return new Point(n, n + "×" + n, Double.NaN, 0, MatrixProductBenchmark.flops(n), MatrixProductBenchmark.bytes(n));
            }),
            new Kernel("dgemm", "Matrix product (" + OpenBlas.version() + " DGEMM)", run(BlasProductBenchmark.class), p -> {
                int n = Integer.parseInt(p.get("n"));
                return new Point(n, n + "×" + n, Double.NaN, 0, BlasProductBenchmark.flops(n), BlasProductBenchmark.bytes(n));
            }),
            new Kernel("clock", "Clock (dependent one-cycle operations)", run(ClockBenchmark.class), p -> {
                // its cost is cycles, not flops: the time per cycle is the clock's period
                int cycles = Integer.parseInt(p.get("cycles"));
                return new Point(cycles, cycles + " cycles", Double.NaN, 0, Double.NaN, Double.NaN, cycles, "cycle");
            }),
            new Kernel("bandwidth", "Memory bandwidth (triad)", run(MemoryBandwidthBenchmark.class), p -> {
                String level = p.get("level");
                double workingSet = MemoryBandwidthBenchmark.workingSetBytes(level);
                return new Point(workingSet, level, Double.NaN, 0, Double.NaN, MemoryBandwidthBenchmark.bytes(level));
            }),
            dln("gradient", "Gradient", GradientBenchmark.class, DlnFlops::gradient, DlnFlops::gradientBytes),
            dln("hvp", "Hessian-vector product", HessianVectorProductBenchmark.class, DlnFlops::hessianVectorProduct, DlnFlops::hessianVectorProductBytes),
            dln("hessian", "Analytic Hessian", HessianBenchmark.class, DlnFlops::hessian, DlnFlops::hessianBytes),
            dln("fdHessian", "Finite-difference Hessian", FiniteDifferenceHessianBenchmark.class, DlnFlops::finiteDifferenceHessian,
                    DlnFlops::finiteDifferenceHessianBytes),
            dln("denseExtremes", "Extreme eigenvalues, dense", DenseExtremesBenchmark.class, DlnFlops::denseExtremes, DlnFlops::denseExtremesBytes),
            new Kernel("lanczosExtremes", "Extreme eigenvalues, Lanczos", run(LanczosExtremesBenchmark.class), p -> {
                // the number of Hessian-vector products and the vector work are counted by an untimed run (deterministic for its seed)
                DlnShape s = DlnShape.parse(p.get("shape"));
                LanczosResult counters = LanczosExtremesBenchmark.counters(s);
                return new Point(s.parameterCount(), s.toString(), s.parameterCount(), s.depth(), SpectralFlops.lanczosExtremes(s, counters),
                        SpectralFlops.lanczosExtremesBytes(s), counters.applications(), counters.converged() ? "HVP, all work" : "HVP, all work (not converged)");
            }),
            new Kernel("landscapeSpectra", "Landscape run with spectral records", run(LandscapeSpectraBenchmark.class), p -> {
                // one call is a whole run: its time is quoted per record (with the record's share of the steps)
                DlnShape s = LandscapeSpectraBenchmark.shape(Integer.parseInt(p.get("depth")), Integer.parseInt(p.get("width")));
                return new Point(s.parameterCount(), s.toString(), s.parameterCount(), s.depth(), LandscapeSpectraBenchmark.flops(s),
                        SpectralFlops.landscapeRunBytes(s), LandscapeSpectraBenchmark.records(), "record");
            }),
            new Kernel("landscapeProcess", "Landscape runs as one process", run(LandscapeProcessBenchmark.class), p ->
                    // the three depths in a fresh JVM: start-up and class loading included, so no flop rate
                    new Point(p.get("depths").split(",").length, "N=" + p.get("depths"), Double.NaN, 0, Double.NaN, Double.NaN)),
            new Kernel("reluStep", "ReLU network GD step", run(ReluStepBenchmark.class), p -> {
                int m = Integer.parseInt(p.get("width"));
                return new Point(m, "m = " + m, (double) m * ReluFixture.DIMENSION, 0,
                        ReluStepBenchmark.flops(m, ReluStepBenchmark.SAMPLES, ReluFixture.DIMENSION),
                        ReluStepBenchmark.bytes(m, ReluStepBenchmark.SAMPLES, ReluFixture.DIMENSION), Double.NaN, null,
                        ReluStepBenchmark.executedFlops(m, ReluStepBenchmark.SAMPLES, ReluFixture.DIMENSION));
            }),
            new Kernel("hStar", "Infinite-width kernel H*", run(InfiniteWidthKernelBenchmark.class), p -> {
                int n = Integer.parseInt(p.get("samples"));
                // the arccos dominates and is no flop: the cost is quoted per pair of samples, not as a rate
                return new Point(n, "n = " + n, Double.NaN, 0, Double.NaN, Double.NaN, InfiniteWidthKernelBenchmark.pairs(n), "pair");
            }),
            new Kernel("kernelSetup", "Kernel dynamics: eigen-decomposition", KernelDynamicsBenchmark.class.getName() + ".setup", p -> {
                int n = Integer.parseInt(p.get("samples"));
                return new Point(n, "n = " + n, Double.NaN, 0, KernelDynamicsBenchmark.setupFlops(n), KernelDynamicsBenchmark.setupBytes(n));
            }),
            new Kernel("kernelClosedForm", "Kernel dynamics: closed form at one step", KernelDynamicsBenchmark.class.getName() + ".closedForm", p -> {
                int n = Integer.parseInt(p.get("samples"));
                return new Point(n, "n = " + n, Double.NaN, 0, KernelDynamicsBenchmark.closedFormFlops(n), KernelDynamicsBenchmark.closedFormBytes(n));
            }));

    private Kernels() {}

    /** The kernel of a JMH benchmark name ({@code org.optreport.bench.GradientBenchmark.run}), or null if unknown. */
    public static Kernel of(String jmhBenchmark) {
        for (Kernel k : ALL) if (k.benchmark().equals(jmhBenchmark)) return k;
        return null;
    }

    private static String run(Class<?> benchmark) { return benchmark.getName() + ".run"; }

    private static Kernel dln(String key, String title, Class<?> benchmark, Function<DlnShape, Double> flops, Function<DlnShape, Double> bytes) {
        return new Kernel(key, title, run(benchmark), p -> {
            DlnShape s = DlnShape.parse(p.get("shape"));
            return new Point(s.parameterCount(), s.toString(), s.parameterCount(), s.depth(), flops.apply(s), bytes.apply(s));
        });
    }
}
