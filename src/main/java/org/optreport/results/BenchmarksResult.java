package org.optreport.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * The performance page's run (schema benchmarks/v2): where and how the kernels were measured, the kernels in page
 * order, and JMH's own results with the kernel and size each one measured.
 *
 * <p>JMH's result entries are JMH's format, passed through unchanged: {@link JmhEntry} declares the fields the page
 * reads and ignores the rest (JMH adds fields between versions); everything of optreport's own is declared in full.
 */
@Schema(BenchmarksResult.SCHEMA)
public record BenchmarksResult(String schema, Map<String, String> parameters, MachineDescription machine, SuiteSettings settings,
                               List<KernelDescription> kernels, List<JmhEntry> jmh, int denseEigenLimit) {
    public static final String SCHEMA = "benchmarks/v2";

    public record MachineDescription(String description, String cpu, int cores, String jvm) {}

    public record SuiteSettings(String setting, int forks, int warmupIterations, int warmupMillis, int measurementIterations,
                                int measurementMillis, boolean gcProfiler, String jmhVersion, String jvmArgs) {}

    /** A kernel the page shows: its key, its title and the JMH benchmark method that measures it. */
    public record KernelDescription(String key, String title, String benchmark) {}

    /** One JMH result, with the kernel it measured and where (null kernel: a benchmark the page does not show). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record JmhEntry(String benchmark, String kernel, Point point, Metric primaryMetric,
                           Map<String, Metric> secondaryMetrics) {}

    /** Where a benchmark measured: a size, its label, the parameter count, the depth and the flops of one call (NaN: not counted). */
    public record Point(double size, String label, Double parameters, int depth, Double flops) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metric(double score, Double scoreError, String scoreUnit) {}
}
