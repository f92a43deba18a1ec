package org.optreport.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * The performance page's run (schema benchmarks/v4): where and how the kernels were measured, the kernels in page
 * order, and JMH's own results with the kernel and size each one measured.
 *
 * <p>JMH's result entries are JMH's format, passed through unchanged: {@link JmhEntry} declares the fields the page
 * reads and ignores the rest (JMH adds fields between versions); everything of optreport's own is declared in full.
 */
@Schema(BenchmarksResult.SCHEMA)
public record BenchmarksResult(String schema, Map<String, String> parameters, MachineDescription machine, SuiteSettings settings,
                               List<KernelDescription> kernels, List<JmhEntry> jmh, int denseEigenLimit, LanczosCheck lanczosAgainstDense) {
    public static final String SCHEMA = "benchmarks/v4";

    /**
     * The machine: CPU model, cores, JVM, and (v3) the clock the kernel reports in MHz (NaN if none), the widest vector
     * the JIT compiler uses in bits (0 if unknown) and the data caches per level (e.g. "L1d 32 KiB, L2 1 MiB, L3 32 MiB").
     */
    public record MachineDescription(String description, String cpu, int cores, String jvm, Double clockMHz, Integer vectorBits,
                                     String caches) {}

    public record SuiteSettings(String setting, int forks, int warmupIterations, int warmupMillis, int measurementIterations,
                                int measurementMillis, boolean gcProfiler, String jmhVersion, String jvmArgs) {}

    /** A kernel the page shows: its key, its title and the JMH benchmark method that measures it. */
    public record KernelDescription(String key, String title, String benchmark) {}

    /** One JMH result, with the kernel it measured and where (null kernel: a benchmark the page does not show). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record JmhEntry(String benchmark, String kernel, Point point, Metric primaryMetric,
                           Map<String, Metric> secondaryMetrics) {}

    /**
     * Where a benchmark measured: a size, its label, the parameter count, the depth, the flops and the compulsory bytes
     * of memory traffic of one call (null: not counted), and for kernels whose cost is not arithmetic the number of
     * items one call handles and their name (the kernel H*: pairs of samples). {@code flops} is the minimal count of the
     * kernel's algorithm; (v4) {@code executedFlops} is what its code performs where it does more (the ReLU step
     * computes each pre-activation twice), null where it performs {@code flops}.
     */
    public record Point(double size, String label, Double parameters, int depth, Double flops, Double bytes, Double items, String item,
                        Double executedFlops) {}

    /**
     * (v4) Lanczos's extreme eigenvalues against the dense path's (assembly and a full symmetric eigen-decomposition) on
     * the benchmarks' Hessian at one shape: the larger of the two ends' differences over the dense spectral radius,
     * and the tolerance Lanczos stops at (its residuals at most tolerance times the spectral radius).
     */
    public record LanczosCheck(String shape, int parameters, double relativeDifference, double tolerance) {}

    /** JMH's metric; {@code rawData} is every measured iteration, one list per fork (JMH's own field). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metric(double score, Double scoreError, String scoreUnit, List<List<Double>> rawData) {}
}
