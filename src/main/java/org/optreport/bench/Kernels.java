package org.optreport.bench;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What each benchmark measures, for the analysis: a short key and title, the size on the charts' x axis
 * (parameter count, or n for the matrix product) and the benchmark's flop count at those parameters.
 */
public final class Kernels {
    /** One benchmark class: its key in tables and values, a title, and how its parameters become a {@link Point}. */
    public record Kernel(String key, String title, String benchmark, Function<Map<String, String>, Point> point) {}

    /**
     * One measured size: {@code size} is the x coordinate (parameters, or n), {@code label} the size as written in
     * tables, {@code depth} the network depth (0 where there is none), {@code flops} NaN when not known in advance.
     */
    public record Point(double size, String label, int depth, double flops) {}

    public static final List<Kernel> ALL = List.of(
            new Kernel("matmul", "Matrix product (EJML)", MatrixProductBenchmark.class.getName(), p -> {
                int n = Integer.parseInt(p.get("n"));
                return new Point(n, n + "×" + n, 0, MatrixProductBenchmark.flops(n));
            }),
            dln("gradient", "Gradient", GradientBenchmark.class, GradientBenchmark::flops),
            dln("hvp", "Hessian-vector product", HessianVectorProductBenchmark.class, HessianVectorProductBenchmark::flops),
            dln("hessian", "Analytic Hessian", HessianBenchmark.class, HessianBenchmark::flops),
            dln("fdHessian", "Finite-difference Hessian", FiniteDifferenceHessianBenchmark.class, FiniteDifferenceHessianBenchmark::flops),
            dln("denseExtremes", "Extreme eigenvalues, dense", DenseExtremesBenchmark.class, DenseExtremesBenchmark::flops),
            dln("lanczosExtremes", "Extreme eigenvalues, Lanczos", LanczosExtremesBenchmark.class, LanczosExtremesBenchmark::flops));

    private Kernels() {}

    /** The kernel of a JMH benchmark name ({@code org.optreport.bench.GradientBenchmark.run}), or null if unknown. */
    public static Kernel of(String jmhBenchmark) {
        int dot = jmhBenchmark.lastIndexOf('.');
        String owner = dot < 0 ? jmhBenchmark : jmhBenchmark.substring(0, dot);
        for (Kernel k : ALL) if (k.benchmark().equals(owner)) return k;
        return null;
    }

    private static Kernel dln(String key, String title, Class<?> benchmark, Function<DlnShape, Double> flops) {
        return new Kernel(key, title, benchmark.getName(), p -> {
            DlnShape s = DlnShape.parse(p.get("shape"));
            return new Point(s.parameterCount(), s.toString(), s.depth(), flops.apply(s));
        });
    }
}
