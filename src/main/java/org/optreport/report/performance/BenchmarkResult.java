package org.optreport.report.performance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.optreport.report.stats.Replicates;
import org.optreport.results.BenchmarksResult;

/**
 * The benchmarks run's result read for the page: its kernels in page order and, per kernel, its measurements by
 * depth, then size. The kernels and each measurement's size and flop count come from the result itself
 * (docs/results-format.md, benchmarks/v4), written by the code that measured them.
 */
final class BenchmarkResult {
    private final BenchmarksResult result;
    private final List<Kernel> kernels;
    private final Map<String, List<Measurement>> byKernel;

    private BenchmarkResult(BenchmarksResult result, List<Kernel> kernels, Map<String, List<Measurement>> byKernel) {
        this.result = result;
        this.kernels = kernels;
        this.byKernel = byKernel;
    }

    static BenchmarkResult of(BenchmarksResult result) {
        List<Kernel> kernels = new ArrayList<>();
        Map<String, Kernel> byKey = new HashMap<>();
        Map<String, List<Measurement>> byKernel = new HashMap<>();
        for (BenchmarksResult.KernelDescription k : result.kernels()) {
            Kernel kernel = new Kernel(k.key(), k.title());
            kernels.add(kernel);
            byKey.put(kernel.key(), kernel);
            byKernel.put(kernel.key(), new ArrayList<>());
        }
        for (BenchmarksResult.JmhEntry r : result.jmh()) {
            Kernel k = r.kernel() == null ? null : byKey.get(r.kernel());
            if (k != null) byKernel.get(k.key()).add(measurement(k, r));   // else a benchmark of no kernel the page shows
        }
        byKernel.values().forEach(list -> list.sort(Comparator.comparingInt((Measurement m) -> m.point().depth())
                .thenComparingDouble(m -> m.point().size())));
        return new BenchmarkResult(result, List.copyOf(kernels), byKernel);
    }

    private static Measurement measurement(Kernel k, BenchmarksResult.JmhEntry r) {
        BenchmarksResult.Point p = r.point();
        Point point = new Point(p.size(), p.label(), orNaN(p.parameters()), p.depth(), orNaN(p.flops()), orNaN(p.bytes()),
                orNaN(p.items()), p.item(), orNaN(p.executedFlops()));
        BenchmarksResult.Metric primary = r.primaryMetric();
        String unit = primary.scoreUnit();
        double score = primary.score(), error = orNaN(primary.scoreError());
        return new Measurement(k, point, forkMeans(primary, unit), score, error, unit, secondary(r, "gc.alloc.rate.norm"),
                secondary(r, "gc.count"), secondary(r, "gc.time"), iterations(primary, unit));
    }

    /** Every measured iteration in seconds, fork after fork; empty without raw data. */
    static double[] iterations(BenchmarksResult.Metric metric, String unit) {
        if (metric.rawData() == null) return new double[0];
        return metric.rawData().stream().flatMap(List::stream).mapToDouble(v -> seconds(v, unit)).toArray();
    }

    /**
     * One replicate per fork, the mean of its measured iterations, in seconds; JMH's score alone (one replicate) where
     * the result has no raw data.
     */
    static Replicates forkMeans(BenchmarksResult.Metric metric, String unit) {
        List<List<Double>> raw = metric.rawData();
        if (raw == null || raw.isEmpty()) return new Replicates(new double[] {seconds(metric.score(), unit)});
        double[] means = new double[raw.size()];
        for (int f = 0; f < means.length; f++)
            means[f] = seconds(raw.get(f).stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN), unit);
        return new Replicates(means);
    }

    private static double secondary(BenchmarksResult.JmhEntry r, String name) {
        BenchmarksResult.Metric m = r.secondaryMetrics() == null ? null : r.secondaryMetrics().get(name);
        return m == null ? Double.NaN : m.score();
    }

    private static double orNaN(Double value) { return value == null ? Double.NaN : value; }

    /** A JMH average-time score in seconds per operation. */
    static double seconds(double score, String unit) {
        double scale = switch (unit) {
            case "s/op" -> 1;
            case "ms/op" -> 1e-3;
            case "us/op" -> 1e-6;
            case "ns/op" -> 1e-9;
            default -> throw new IllegalArgumentException("unexpected JMH unit '" + unit + "' (the benchmarks report average time)");
        };
        return score * scale;
    }

    List<Kernel> kernels() { return kernels; }

    /** The kernel's measurements by depth, then size; empty if it has none. */
    List<Measurement> of(String kernel) { return byKernel.getOrDefault(kernel, List.of()); }

    static List<Measurement> atDepth(List<Measurement> ms, int depth) {
        return ms.stream().filter(m -> m.point().depth() == depth).toList();
    }

    /**
     * The yardstick, the attainable compute rate: OpenBLAS's DGEMM at the largest n measured (not the fastest of several
     * noisy sizes, which would pick the luckiest measurement), or EJML's product where DGEMM was not measured (its
     * natives exist for linux-x86_64 only); null if neither was.
     */
    Measurement yardstick() {
        Measurement dgemm = largest("dgemm");
        return dgemm != null ? dgemm : largest("matmul");
    }

    /** The kernel's measurement at its largest size, null if none. */
    Measurement largest(String kernel) {
        List<Measurement> ms = of(kernel);
        return ms.isEmpty() ? null : ms.get(ms.size() - 1);
    }

    /** The yardstick's rate (flop/s), NaN if none. */
    double yardstickRate() {
        Measurement y = yardstick();
        return y == null ? Double.NaN : y.flopRate();
    }

    /**
     * The clock measured by the dependent chain, in Hz: per fork, the chain's cycles over the thread's CPU nanoseconds
     * spent on them (JMH's secondary metrics {@code chainCycles} and {@code cpuNanos}, summed over its iterations), so
     * that time spent waiting for a core on a shared machine does not count; the mean over the forks with its one-sided
     * 95% bounds. Null where the run has no such measurement.
     */
    MeasuredClock measuredClock() {
        for (BenchmarksResult.JmhEntry e : result.jmh()) {
            if (!"clock".equals(e.kernel()) || e.secondaryMetrics() == null) continue;
            BenchmarksResult.Metric cycles = e.secondaryMetrics().get("chainCycles"), nanos = e.secondaryMetrics().get("cpuNanos");
            if (cycles == null || nanos == null || cycles.rawData() == null || nanos.rawData() == null) return null;
            double[] hz = new double[cycles.rawData().size()];
            for (int f = 0; f < hz.length; f++)
                hz[f] = 1e9 * cycles.rawData().get(f).stream().mapToDouble(Double::doubleValue).sum()
                        / nanos.rawData().get(f).stream().mapToDouble(Double::doubleValue).sum();
            Replicates clock = new Replicates(hz);
            return new MeasuredClock(clock.mean(), clock.lower95(), clock.upper95(), clock);
        }
        return null;
    }

    /** A measured clock in Hz, its one-sided 95% bounds (NaN with one replicate) and the forks' clocks they come from. */
    record MeasuredClock(double hz, double lower, double upper, Replicates forks) {}

    /** The machine measured: description, cpu, cores, jvm. */
    BenchmarksResult.MachineDescription machine() { return result.machine(); }

    /** JMH's settings of the run: forks, iterations and their lengths, versions, JVM arguments. */
    BenchmarksResult.SuiteSettings settings() { return result.settings(); }

    /** Lanczos's extremes against the dense path's at one shape, computed once by the run (untimed). */
    BenchmarksResult.LanczosCheck lanczosAgainstDense() { return result.lanczosAgainstDense(); }

    /** Above this many parameters the landscape's extreme eigenvalues come from Lanczos instead of a dense decomposition. */
    int denseEigenLimit() { return result.denseEigenLimit(); }
}
