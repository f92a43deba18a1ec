package org.optreport.bench;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
     * (0 where there is none), {@code flops} NaN when not known in advance.
     */
    public record Point(double size, String label, double parameters, int depth, double flops) {}

    public static final List<Kernel> ALL = List.of(
            new Kernel("matmul", "Matrix product (EJML)", run(MatrixProductBenchmark.class), p -> {
                int n = Integer.parseInt(p.get("n"));
                return new Point(n, n + "×" + n, Double.NaN, 0, MatrixProductBenchmark.flops(n));
            }),
            dln("gradient", "Gradient", GradientBenchmark.class, GradientBenchmark::flops),
            dln("hvp", "Hessian-vector product", HessianVectorProductBenchmark.class, HessianVectorProductBenchmark::flops),
            dln("hessian", "Analytic Hessian", HessianBenchmark.class, HessianBenchmark::flops),
            dln("fdHessian", "Finite-difference Hessian", FiniteDifferenceHessianBenchmark.class, FiniteDifferenceHessianBenchmark::flops),
            dln("denseExtremes", "Extreme eigenvalues, dense", DenseExtremesBenchmark.class, DenseExtremesBenchmark::flops),
            dln("lanczosExtremes", "Extreme eigenvalues, Lanczos", LanczosExtremesBenchmark.class, LanczosExtremesBenchmark::flops),
            new Kernel("reluStep", "ReLU network GD step", run(ReluStepBenchmark.class), p -> {
                int m = Integer.parseInt(p.get("width"));
                return new Point(m, "m = " + m, (double) m * ReluFixture.DIMENSION, 0,
                        ReluStepBenchmark.flops(m, ReluStepBenchmark.SAMPLES, ReluFixture.DIMENSION));
            }),
            new Kernel("hStar", "Infinite-width kernel H*", run(InfiniteWidthKernelBenchmark.class), p -> {
                int n = Integer.parseInt(p.get("samples"));
                return new Point(n, "n = " + n, Double.NaN, 0, InfiniteWidthKernelBenchmark.flops(n, ReluFixture.DIMENSION));
            }),
            new Kernel("kernelSetup", "Kernel dynamics: eigen-decomposition", KernelDynamicsBenchmark.class.getName() + ".setup", p -> {
                int n = Integer.parseInt(p.get("samples"));
                return new Point(n, "n = " + n, Double.NaN, 0, KernelDynamicsBenchmark.setupFlops(n));
            }),
            new Kernel("kernelClosedForm", "Kernel dynamics: closed form at one step", KernelDynamicsBenchmark.class.getName() + ".closedForm", p -> {
                int n = Integer.parseInt(p.get("samples"));
                return new Point(n, "n = " + n, Double.NaN, 0, KernelDynamicsBenchmark.closedFormFlops(n));
            }));

    private Kernels() {}

    /** The kernel of a JMH benchmark name ({@code org.optreport.bench.GradientBenchmark.run}), or null if unknown. */
    public static Kernel of(String jmhBenchmark) {
        for (Kernel k : ALL) if (k.benchmark().equals(jmhBenchmark)) return k;
        return null;
    }

    private static String run(Class<?> benchmark) { return benchmark.getName() + ".run"; }

    private static Kernel dln(String key, String title, Class<?> benchmark, Function<DlnShape, Double> flops) {
        return new Kernel(key, title, run(benchmark), p -> {
            DlnShape s = DlnShape.parse(p.get("shape"));
            return new Point(s.parameterCount(), s.toString(), s.parameterCount(), s.depth(), flops.apply(s));
        });
    }
}
