package org.optreport.report.performance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.optreport.results.BenchmarksResult;

/**
 * The benchmarks run's result read for the page: its kernels in page order and, per kernel, its measurements by
 * depth, then size. The kernels and each measurement's size and flop count come from the result itself
 * (docs/results-format.md, benchmarks/v2), written by the code that measured them.
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
        Point point = new Point(p.size(), p.label(), orNaN(p.parameters()), p.depth(), orNaN(p.flops()));
        BenchmarksResult.Metric primary = r.primaryMetric();
        String unit = primary.scoreUnit();
        double score = primary.score(), error = orNaN(primary.scoreError());
        BenchmarksResult.Metric alloc = r.secondaryMetrics() == null ? null : r.secondaryMetrics().get("gc.alloc.rate.norm");
        return new Measurement(k, point, seconds(score, unit), seconds(error, unit), score, error, unit,
                alloc == null ? Double.NaN : alloc.score());
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

    /** The attainable rate (flop/s): the fastest matrix product measured. */
    double matmulRate() {
        double best = Double.NaN;
        for (Measurement m : of("matmul")) if (!(m.flopRate() <= best)) best = m.flopRate();
        return best;
    }

    /** The machine measured: description, cpu, cores, jvm. */
    BenchmarksResult.MachineDescription machine() { return result.machine(); }

    /** JMH's settings of the run: forks, iterations and their lengths, versions, JVM arguments. */
    BenchmarksResult.SuiteSettings settings() { return result.settings(); }

    /** Above this many parameters the landscape's extreme eigenvalues come from Lanczos instead of a dense decomposition. */
    int denseEigenLimit() { return result.denseEigenLimit(); }
}
